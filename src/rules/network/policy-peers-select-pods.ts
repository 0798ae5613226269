import { LabelSelector } from './private/label-selector';
import {
  DEFAULT_NAMESPACE, effectiveNamespace, NAMESPACE_NAME_LABEL, namespaceLabels, namespaceObjects, selectsAnyWorkload,
} from './private/namespaces';
import { isNetworkPolicy, peersOf, policyRulesOf } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * Every podSelector of a NetworkPolicy peer selects the pods of at least one workload of the app, in the
 * namespaces the peer covers.
 *
 * Only namespaces whose workloads the app fully knows are judged: the policy's own namespace (a peer without
 * namespaceSelector) and the Namespace objects of the app that the peer's namespaceSelector matches (by their
 * labels and `kubernetes.io/metadata.name`). A peer whose namespaceSelector matches no Namespace of the app
 * points outside it, for example kube-dns in kube-system, and is never reported. Empty podSelectors select every
 * pod and are never reported either.
 */
export class PolicyPeersSelectPods implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (!isNetworkPolicy(object)) return [];
    const ownNamespace = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    const violations: RuleViolation[] = [];
    for (const rule of policyRulesOf(object.manifest?.spec)) {
      for (const { peer, path } of peersOf(rule)) {
        if (peer.podSelector === undefined || peer.podSelector === null) continue;
        const podSelector = LabelSelector.parse(peer.podSelector);
        if (podSelector.isEmpty) continue;
        if (!podSelector.valid) {
          violations.push({ message: `${path}.podSelector ${podSelector.problem}, so the peer selects no pod: fix the selector`, path: `${path}.podSelector` });
          continue;
        }
        const namespaces = peerNamespaces(context, peer, ownNamespace);
        if (namespaces.length === 0) continue;
        if (namespaces.some(ns => selectsAnyWorkload(context, ns, podSelector))) continue;
        const where = namespaces.length === 1 ? `namespace "${namespaces[0]}"` : `namespaces ${namespaces.map(n => `"${n}"`).join(', ')}`;
        violations.push({
          message: `${path}.podSelector (${podSelector}) selects no pod of ${where}: no workload of the app runs pods with these labels; `
            + 'fix the selector or the pod template labels, or remove the peer',
          path: `${path}.podSelector`,
        });
      }
    }
    return violations;
  }
}

/** The namespaces, fully known to the app, whose pods the peer's podSelector is matched against. */
function peerNamespaces(context: RuleContext, peer: { [key: string]: any }, ownNamespace: string): string[] {
  if (peer.namespaceSelector === undefined || peer.namespaceSelector === null) return [ownNamespace];
  const selector = LabelSelector.parse(peer.namespaceSelector);
  // An empty namespaceSelector means every namespace of the cluster, most of which the app does not define.
  if (!selector.valid || selector.isEmpty) return [];
  const objects = namespaceObjects(context);
  // A selector naming the namespace has one candidate: no need to try every Namespace of the app.
  const named = selector.requiredValue(NAMESPACE_NAME_LABEL);
  const candidates = named !== undefined ? [named] : new Set<string>([...objects.keys(), ownNamespace]);
  const matched: string[] = [];
  for (const name of candidates) {
    if (name !== ownNamespace && !objects.has(name)) continue;
    if (selector.matches(namespaceLabels(name, objects.get(name)))) matched.push(name);
  }
  return matched;
}
