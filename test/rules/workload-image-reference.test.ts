import { parseImageReference } from '../../src/rules/workload/private/image-reference';

const DIGEST = 'sha256:0b2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809';

describe('image references (workload image rules)', () => {
  test.each([
    ['nginx', { registry: undefined, repository: 'nginx', tag: undefined, digest: undefined, fullName: 'docker.io/library/nginx', officialName: 'nginx' }],
    ['nginx:1.25', { repository: 'nginx', tag: '1.25', officialName: 'nginx' }],
    ['acme/app:2', { repository: 'acme/app', tag: '2', fullName: 'docker.io/acme/app', officialName: undefined }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app', tag: undefined, fullName: 'registry:5000/app' }],
    ['registry:5000/app:1.2', { registry: 'registry:5000', repository: 'app', tag: '1.2' }],
    [`registry:5000/app@${DIGEST}`, { registry: 'registry:5000', repository: 'app', tag: undefined, digest: DIGEST }],
    [`nginx:latest@${DIGEST}`, { repository: 'nginx', tag: 'latest', digest: DIGEST }],
    ['localhost/app:dev', { registry: 'localhost', repository: 'app', tag: 'dev' }],
    ['docker.io/library/python:3.12', { registry: 'docker.io', repository: 'library/python', fullName: 'docker.io/library/python', officialName: 'python' }],
    ['public.ecr.aws/docker/library/node:20', { officialName: 'node', tag: '20' }],
    ['gcr.io/distroless/static:nonroot', { registry: 'gcr.io', repository: 'distroless/static', tag: 'nonroot', officialName: undefined }],
  ])('parses %s', (image, expected) => {
    expect(parseImageReference(image)).toMatchObject({ raw: image, ...expected });
  });

  test.each([undefined, null, '', '   ', 42, {}])('returns undefined for %p instead of throwing', value => {
    expect(parseImageReference(value)).toBeUndefined();
  });
});
