import { Construct } from 'constructs';
import { HardenedDeployment } from '../../src';

/** nginx serving static files from the unprivileged image. */
export function nginx(scope: Construct): HardenedDeployment {
  return new HardenedDeployment(scope, 'nginx', {
    containers: [{
      name: 'nginx',
      // The official nginx image starts as root and binds port 80; this variant from the nginx maintainers
      // runs as uid 101, listens on 8080 and keeps its pid file and temp paths in /tmp.
      image: 'nginxinc/nginx-unprivileged:1.28-alpine@sha256:7377697a821c131a924a7105fafbe7414db4e9fcc77a6f08f776f33f141ec3f8',
      portNumber: 8080,
    }],
    // The default server answers GET / with 200; probe what the image really serves.
    probePath: '/',
    // Nothing else to set: the library's uid 10001 works (nginx needs no passwd entry, reads /etc/nginx as
    // "other" and writes only to /tmp), and the writable /tmp emptyDir is a default.
  });
}
