import { build as customRule } from './custom-rule/app';
import { build as deployRepo } from './deploy-repo/app';
import { Example } from './example';
import { build as hardenedImages } from './hardened-images/app';
import { build as includeLegacy } from './include-legacy/app';
import { build as platformTemplate } from './platform-template/app';
import { build as statefulPostgres } from './stateful-postgres/app';

/** Every example, in the order the README presents them. */
export const EXAMPLES: Example[] = [
  { name: 'deploy-repo', description: 'An isolated namespace with web and api, secrets from Vault, and exactly the needed flows.', build: deployRepo },
  { name: 'platform-template', description: "A platform team's WebService template, used by two teams.", build: platformTemplate },
  { name: 'include-legacy', description: "A vendor's YAML brought in with Include, fixed by an aspect, the rest suppressed with reasons.", build: includeLegacy },
  { name: 'custom-rule', description: 'A house rule and pack next to the shipped ones.', build: customRule },
  { name: 'stateful-postgres', description: 'PostgreSQL with its own claim, credentials from Vault, a nightly backup, and only the API and the backup job let in.', build: statefulPostgres },
  { name: 'hardened-images', description: 'nginx, Postgres, Redis, MariaDB, RabbitMQ, a JVM, a Node and a Go app, each as docs/hardened-images.md runs it.', build: hardenedImages },
];
