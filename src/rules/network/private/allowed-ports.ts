import { Labels, LabelSelector } from './label-selector';
import { NAMESPACE_NAME_LABEL, Workload } from './namespaces';
import { Direction, PolicyEntry, peersOf, policyRulesOf } from './policies';
import { isObject } from '../../../private/pod-template';

/** Every port, as opposed to a list. */
export const ALL_PORTS = 'all';

/** The ports a rule (or a set of rules) allows: `PROTOCOL port[-endPort]` or `PROTOCOL all` entries, or every port. */
export type PortSet = Set<string> | typeof ALL_PORTS;

/**
 * The ports that the rules of one direction of these policies allow towards (egress) or from (ingress) a workload
 * of the app; undefined when no rule allows it at all.
 */
export function portsAllowing(policies: PolicyEntry[], direction: Direction, peerWorkload: Workload, peerNsLabels: Labels): PortSet | undefined {
  let result: PortSet | undefined;
  for (const policy of policies) {
    for (const rule of compiledRules(policy)) {
      if (rule.direction !== direction) continue;
      if (rule.peers !== undefined && !rule.peers.some(peer => peerSelectsWorkload(peer, policy.namespace, peerWorkload, peerNsLabels))) continue;
      result = unionPorts(result, rule.ports);
    }
  }
  return result;
}

/** A policy rule with its selectors parsed, so that matching it against many workloads parses nothing. */
interface CompiledRule {
  readonly direction: Direction;
  /** The peers that select pods (ipBlocks never match a workload); undefined when the rule allows every peer. */
  readonly peers?: CompiledPeer[];
  readonly ports: PortSet;
}

interface CompiledPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
}

// Policy entries live for one evaluation; their compiled rules go with them.
const compiled = new WeakMap<PolicyEntry, CompiledRule[]>();

function compiledRules(policy: PolicyEntry): CompiledRule[] {
  let rules = compiled.get(policy);
  if (!rules) {
    rules = policyRulesOf(policy.object.manifest?.spec).map(rule => {
      const listed = rule.rule[rule.peerField];
      const ports = rulePorts(rule.rule.ports);
      if (!Array.isArray(listed) || listed.length === 0) return { direction: rule.direction, ports };
      const peers = peersOf(rule)
        .filter(({ peer }) => peer.ipBlock === undefined && (peer.podSelector !== undefined || peer.namespaceSelector !== undefined))
        .map(({ peer }) => ({
          podSelector: peer.podSelector !== undefined ? LabelSelector.parse(peer.podSelector) : undefined,
          namespaceSelector: peer.namespaceSelector !== undefined ? LabelSelector.parse(peer.namespaceSelector) : undefined,
        }));
      return { direction: rule.direction, peers, ports };
    });
    compiled.set(policy, rules);
  }
  return rules;
}

function peerSelectsWorkload(peer: CompiledPeer, policyNamespace: string, w: Workload, nsLabels: Labels): boolean {
  const nsMatches = peer.namespaceSelector ? peer.namespaceSelector.matches(nsLabels) : nsLabels[NAMESPACE_NAME_LABEL] === policyNamespace;
  return nsMatches && (peer.podSelector ? peer.podSelector.matches(w.podLabels) : true);
}

/** The ports a rule's `ports` list allows (all of them when the list is missing or empty). */
export function rulePorts(ports: unknown): PortSet {
  if (!Array.isArray(ports) || ports.length === 0) return ALL_PORTS;
  const set = new Set<string>();
  for (const p of ports) {
    if (!isObject(p)) continue;
    const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
    if (p.port === undefined) {
      set.add(`${protocol} all`);
    } else {
      set.add(`${protocol} ${p.port}${p.endPort !== undefined ? `-${p.endPort}` : ''}`);
    }
  }
  return set;
}

export function unionPorts(a: PortSet | undefined, b: PortSet): PortSet {
  if (a === undefined) return b;
  if (a === ALL_PORTS || b === ALL_PORTS) return ALL_PORTS;
  return new Set([...a, ...b]);
}

/** Ports both sides allow; undefined when they share none. Named and numbered ports are compared as written. */
export function intersectPorts(a: PortSet | undefined, b: PortSet | undefined): PortSet | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a === ALL_PORTS) return b;
  if (b === ALL_PORTS) return a;
  const both = new Set([...a].filter(p => b.has(p) || b.has(`${p.split(' ')[0]} all`)));
  for (const p of b) if (a.has(`${p.split(' ')[0]} all`)) both.add(p);
  return both.size ? both : undefined;
}

/** The ports as a sorted list; every port is the empty list. */
export function portList(ports: PortSet): string[] {
  return ports === ALL_PORTS ? [] : sortPorts([...ports]);
}

export function sortPorts(ports: string[]): string[] {
  return ports.sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
}
