import { ManifestObject } from '../../src/engine/manifest-object';
import { ImageInventory } from '../../src/private/image-inventory';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

function pod(name: string, images: Array<string | undefined>, extra: { initImages?: string[] } = {}): ManifestObject {
  return ManifestObject.fromJson({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'ns' },
    spec: {
      containers: images.map((image, i) => (image === undefined ? { name: `c${i}` } : { name: `c${i}`, image })),
      ...(extra.initImages ? { initContainers: extra.initImages.map((image, i) => ({ name: `i${i}`, image })) } : {}),
    },
  }, { constructPath: `chart/${name}` });
}

const resolved = (inventory: ImageInventory) => inventory.images.map(i => [i.image, i.reference, i.references]);

describe('ImageInventory', () => {
  test('every spelling of a Docker Hub image is one image, listed under its first spelling in sorted order', () => {
    const inventory = ImageInventory.of([pod('a', ['nginx', 'library/nginx:latest', 'docker.io/nginx', 'index.docker.io/library/nginx:latest'])]);
    expect(resolved(inventory)).toEqual([[
      'docker.io/library/nginx:latest', 'docker.io/nginx', ['docker.io/nginx', 'index.docker.io/library/nginx:latest', 'library/nginx:latest', 'nginx'],
    ]]);
  });

  test('registries other than Docker Hub keep their repository path; hosts are compared in lower case', () => {
    const inventory = ImageInventory.of([pod('a', ['localhost:5000/app:1', 'LOCALHOST:5000/app:1', 'ghcr.io/acme/team/app:2', 'acme/app:3'])]);
    expect(inventory.images.map(i => [i.registry, i.repository, i.tag])).toEqual([
      ['docker.io', 'acme/app', '3'],
      ['ghcr.io', 'acme/team/app', '2'],
      ['localhost:5000', 'app', '1'],
    ]);
    expect(inventory.images[2].references).toEqual(['LOCALHOST:5000/app:1', 'localhost:5000/app:1']);
  });

  test('a tag and a digest are both kept; a digest alone has no tag; the same digest under another tag is another entry', () => {
    const inventory = ImageInventory.of([pod('a', [`app:1@${DIGEST}`, `app@${DIGEST}`])]);
    expect(inventory.images.map(i => [i.image, i.tag, i.digest])).toEqual([
      [`docker.io/library/app:1@${DIGEST}`, '1', DIGEST],
      [`docker.io/library/app@${DIGEST}`, null, DIGEST],
    ]);
  });

  test('containers are sorted by namespace, kind, name, then containers before init containers, and by name', () => {
    const inventory = ImageInventory.of([pod('b', ['x:1'], { initImages: ['x:1'] }), pod('a', ['x:1', 'x:1'])]);
    expect(inventory.images[0].usedBy.map(u => `${u.name} ${u.containerField} ${u.container} ${u.constructPath}`)).toEqual([
      'a containers c0 chart/a', 'a containers c1 chart/a', 'b containers c0 chart/b', 'b initContainers i0 chart/b',
    ]);
  });

  test('a container without a usable image is set aside with the reason, not listed', () => {
    const inventory = ImageInventory.of([pod('a', [undefined, '', ' x:1', 'x:1'])]);
    expect(inventory.toText()).toBe('x:1\n');
    expect(inventory.unlistedContainers.map(u => `${u.user.container}: ${u.reason}`)).toEqual([
      'c0: has no image',
      'c1: has no image',
      'c2: has an image with white space or a control character in it (" x:1"), which no registry serves',
    ]);
  });

  test('objects that carry no pod add nothing', () => {
    const configMap = ManifestObject.fromJson({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { image: 'x:1' } });
    expect(ImageInventory.of([configMap]).toJson()).toEqual({ version: 1, images: [] });
    expect(ImageInventory.of([configMap]).toText()).toBe('');
  });
});
