import { parseImage } from '../../../../src/constructs/workloads/private/image';

describe('parseImage', () => {
  test.each([
    ['nginx', {}],
    ['nginx:1.27', { tag: '1.27' }],
    ['registry.local:5000/acme/web', {}],
    ['registry.local:5000/acme/web:2.0', { tag: '2.0' }],
    ['ghcr.io/acme/web@sha256:abc', { digest: 'sha256:abc' }],
    ['ghcr.io/acme/web:1.0@sha256:abc', { tag: '1.0', digest: 'sha256:abc' }],
  ])('reads %s', (image, expected) => {
    expect(parseImage(image)).toEqual({ tag: undefined, digest: undefined, ...expected });
  });
});
