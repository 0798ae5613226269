import { ALL_ADDRESSES } from './open-rules';
import { CelResources, celStrings } from '../../../private/cel-form';

/** What the CEL forms of the NetworkPolicy rules match. */
export const NETWORK_POLICIES: CelResources[] = [{ apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], resources: ['networkpolicies'] }];

/** CEL: the policy isolates the direction, as policyTypesOf reads it (the API server has defaulted policyTypes). */
function isolates(direction: 'Ingress' | 'Egress'): string {
  const listed = 'has(object.spec.policyTypes) && size(object.spec.policyTypes) > 0';
  const unlisted = direction === 'Ingress' ? 'true' : 'has(object.spec.egress) && size(object.spec.egress) > 0';
  return `(${listed} ? '${direction}' in object.spec.policyTypes : (${unlisted}))`;
}

/** CEL: rule `r` lets every peer through (openRules): no peers, an empty peer, or an all-addresses ipBlock without exceptions. */
function open(peerField: 'from' | 'to'): string {
  const emptyPeer = '(!has(p.podSelector) && !has(p.namespaceSelector) && !has(p.ipBlock))';
  const everyAddress = `(has(p.ipBlock) && p.ipBlock.cidr.trim() in ${celStrings(ALL_ADDRESSES)} && (!has(p.ipBlock.except) || size(p.ipBlock.except) == 0))`;
  return `(!has(r.${peerField}) || size(r.${peerField}) == 0 || r.${peerField}.exists(p, ${emptyPeer} || ${everyAddress}))`;
}

const HAS_PORTS = '(has(r.ports) && size(r.ports) > 0)';

/** CEL: no rule of an isolated direction lets every peer through, among the rules with ports (or without). */
export function celNoOpenRule(withPorts: boolean): string {
  const ports = withPorts ? HAS_PORTS : `!${HAS_PORTS}`;
  const none = (direction: 'Ingress' | 'Egress', list: string, peerField: 'from' | 'to') =>
    `!(${isolates(direction)} && has(object.spec.${list}) && object.spec.${list}.exists(r, ${ports} && ${open(peerField)}))`;
  return `${none('Ingress', 'ingress', 'from')} && ${none('Egress', 'egress', 'to')}`;
}
