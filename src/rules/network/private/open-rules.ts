import { Direction, peersOf, PolicyRuleRef, policyRulesOf, PolicyTypes } from './policies';
import { isObject } from '../../../private/pod-template';

/** A policy rule that lets any peer through, with why. */
export interface OpenRule extends PolicyRuleRef {
  /** Why every peer matches, e.g. `it has no "from" peers`. */
  readonly reason: string;
  /** The peer that opens the rule, when one does. */
  readonly peerPath?: string;
  /** True when the rule is limited to some ports. */
  readonly hasPorts: boolean;
}

/** The ipBlock CIDRs that cover every address. */
export const ALL_ADDRESSES = ['0.0.0.0/0', '::/0'];

/**
 * The rules of the policy's isolated directions that match every peer: no (or an empty) `from`/`to` list, an
 * empty peer `{}`, or an ipBlock covering every address with no exceptions. Rules of a direction the policy does
 * not isolate are ignored, as the network plugin ignores them.
 */
export function openRules(spec: unknown, types: PolicyTypes): OpenRule[] {
  const result: OpenRule[] = [];
  for (const ref of policyRulesOf(spec)) {
    if (ref.direction === Direction.INGRESS ? !types.ingress : !types.egress) continue;
    const hasPorts = Array.isArray(ref.rule.ports) && ref.rule.ports.length > 0;
    const peers = ref.rule[ref.peerField];
    if (!Array.isArray(peers) || peers.length === 0) {
      result.push({ ...ref, hasPorts, reason: `it has no "${ref.peerField}" peers` });
      continue;
    }
    for (const p of peersOf(ref)) {
      const reason = openPeerReason(p.peer);
      if (reason) {
        result.push({ ...ref, hasPorts, reason: `${p.path} ${reason}`, peerPath: p.path });
        break;
      }
    }
  }
  return result;
}

/** Ports for a message: `53/UDP, 53/TCP`, `8000-9000/TCP`, `every port/TCP`. */
export function describePorts(ports: unknown): string {
  if (!Array.isArray(ports) || ports.length === 0) return 'every port';
  return ports.map(p => {
    if (!isObject(p)) return '?';
    const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
    const port = p.port === undefined || p.port === null ? 'every port' : String(p.port);
    const range = p.endPort !== undefined && p.endPort !== null ? `${port}-${p.endPort}` : port;
    return `${range}/${protocol}`;
  }).join(', ');
}

function openPeerReason(peer: { [key: string]: any }): string | undefined {
  const hasSelector = (key: string) => peer[key] !== undefined && peer[key] !== null;
  if (!hasSelector('podSelector') && !hasSelector('namespaceSelector') && !hasSelector('ipBlock')) return 'is an empty peer';
  if (isObject(peer.ipBlock) && ALL_ADDRESSES.includes(String(peer.ipBlock.cidr).trim())) {
    const except = peer.ipBlock.except;
    if (!Array.isArray(except) || except.length === 0) return `is ipBlock ${String(peer.ipBlock.cidr).trim()} with no exceptions`;
  }
  return undefined;
}
