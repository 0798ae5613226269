import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { ConfigMapSecretContentCheck } from '../rules/secrets/configmap-secret-content';
import { ConfigMapSecretKeyCheck } from '../rules/secrets/configmap-secret-key';
import { EnvSecretContentCheck } from '../rules/secrets/env-secret-content';
import { EnvSecretNameLiteralCheck } from '../rules/secrets/env-secret-name-literal';
import { SecretInlineDataCheck } from '../rules/secrets/secret-inline-data';

const ENV_FIELDS = ['spec.containers[*].env[*]', 'spec.initContainers[*].env[*]', 'spec.ephemeralContainers[*].env[*]'];

/** No secret values in manifests: env values, Secrets with inline data and ConfigMaps holding secrets. */
export function secretsPack(): RulePack {
  return new RulePack({
    name: 'secrets',
    description: 'No secret values in manifests: env values, Secrets with inline data and ConfigMaps holding secrets.',
    rules: [
      new Rule({
        id: 'secrets-env-secret-name-literal',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No environment variable named like a secret (PASSWORD, TOKEN, API_KEY, ...) has a literal value.',
        explanation: 'A literal env value is stored in the manifest, in Git history, in every rendered copy and in the API server in clear text, readable by anyone who can read the workload object. A variable named like a password or token almost always holds one.',
        remediation: 'Take the value from a Secret with env[].valueFrom.secretKeyRef (the Secret synced from a secret store by an ExternalSecret), or mount it as a file and point the application at the file. Rotate a value that was ever committed.',
        fields: ENV_FIELDS.flatMap(f => [`${f}.name`, `${f}.value`]),
        equivalents: { kubeLinter: 'env-var-secret', polaris: 'sensitiveContainerEnvVar' },
        check: new EnvSecretNameLiteralCheck(),
      }),
      new Rule({
        id: 'secrets-env-secret-content',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No environment variable has a literal value that looks like a credential, whatever its name.',
        explanation: 'Credentials hide behind innocent names (CONFIG, DSN, OPTS). Values that match a known credential format (private keys, AWS access key IDs, JWTs, GitHub, GitLab, Slack, Google, Stripe and npm tokens, URLs with a password) or random-looking strings of 20 characters or more above 4.2 bits of entropy per character are almost certainly secrets, and they are stored in clear text wherever the manifest goes.',
        remediation: 'Move the value into a secret store, sync it with an ExternalSecret and reference it with env[].valueFrom.secretKeyRef or a mounted file. Rotate the credential: it has been exposed. If the value is not a secret (a public ID), suppress the finding with that reason.',
        fields: ENV_FIELDS.map(f => `${f}.value`),
        check: new EnvSecretContentCheck(),
      }),
      new Rule({
        id: 'secrets-secret-inline-data',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No Secret carries its values inline in data or stringData.',
        explanation: 'Secret data is only base64-encoded, not encrypted: a Secret with inline values puts the credentials in the repository, in every rendered manifest and in CI logs. Secrets belong in a secret store, from which the cluster pulls them.',
        remediation: 'Replace the Secret with an ExternalSecret (external-secrets.io/v1) that syncs the values from your secret store, or with a Secret created by a secret store CSI driver or sealed-secrets. A Secret without data, such as a service-account-token Secret, is fine.',
        fields: ['Secret.data', 'Secret.stringData'],
        check: new SecretInlineDataCheck(),
      }),
      new Rule({
        id: 'secrets-configmap-secret-key',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No ConfigMap holds a value under a secret-looking name, as a key or as a line of a configuration file.',
        explanation: 'ConfigMaps are meant to be read widely: they are not encrypted at rest, RBAC rarely restricts them, and tools print them in full. A key such as password, or a db.password line in an application.properties file, puts a credential there. The name is only a hint, so this is a warning.',
        remediation: 'Move the value into a Secret synced by an ExternalSecret and reference it from the configuration with a placeholder (${DB_PASSWORD}) filled from the environment, or mount the Secret as a file.',
        fields: ['ConfigMap.data'],
        equivalents: { polaris: 'sensitiveConfigmapContent', trivy: 'KSV-0109' },
        check: new ConfigMapSecretKeyCheck(),
      }),
      new Rule({
        id: 'secrets-configmap-secret-content',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No ConfigMap value looks like a credential, whatever its key.',
        explanation: 'ConfigMaps are not encrypted at rest and are readable by many users and tools. A value that matches a credential format, such as a private key, a cloud or SaaS token, a JWT, a URL with a password or a long random string, exposes that credential. Certificates, public keys and SSH public keys are not reported.',
        remediation: 'Move the value into a secret store, sync it into a Secret with an ExternalSecret and mount or reference that Secret instead. Rotate the credential: it has been exposed.',
        fields: ['ConfigMap.data'],
        equivalents: { trivy: 'KSV-01010' },
        check: new ConfigMapSecretContentCheck(),
      }),
    ],
  });
}
