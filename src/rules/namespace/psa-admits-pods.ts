import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isPodBearing } from '../../private/pod-template';
import { pssFailedChecksOf } from '../../private/pss-evaluate';
import { effectiveNamespace, namespaceObjects } from '../network/private/namespaces';
import { psaModeLabels } from '../network/private/psa-labels';

const PINNED = /^v?(1\.\d{1,3})$/;

/**
 * The pods of a workload pass the Pod Security level that their namespace (a Namespace object of the app) enforces,
 * at the version it pins. Pod Security Admission reads no suppression annotation: a PSS finding that a suppression
 * or a `HardeningOverride` accepts is still refused by the namespace, so this rule reports it as an error.
 */
export class PsaAdmitsPods implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (!isPodBearing(object)) return [];
    const ns = effectiveNamespace(object);
    const namespace = ns === undefined ? undefined : namespaceObjects(context).get(ns);
    if (!namespace) return [];
    const enforce = psaModeLabels(namespace, 'enforce');
    if (enforce.level !== 'baseline' && enforce.level !== 'restricted') return [];
    // `latest` or no version: the cluster's own version, taken to be the target version.
    const pinned = PINNED.exec(enforce.version ?? '');
    const version = pinned ? pinned[1] : context.kubernetesVersion;
    const failed = pssFailedChecksOf(object, enforce.level, version);
    if (failed.length === 0) return [];
    const written = `${enforce.level}${enforce.version ? ` (${enforce.versionKey}: ${enforce.version})` : ''}`;
    return [{
      message: `namespace "${ns}" enforces Pod Security ${written}, and Pod Security Admission will refuse these pods for `
        + `${failed.join(', ')}; a suppression or override cannot overrule the namespace. Remove the settings that fail those checks, `
        + 'or run the workload in a namespace that enforces a lower level (IsolatedNamespace: podSecurityLevel with podSecurityReason).',
      path: 'metadata.namespace',
    }];
  }
}
