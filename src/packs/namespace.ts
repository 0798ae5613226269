import { RulePack } from '../engine/rule-pack';

/** Namespaces: Pod Security Admission labels, LimitRange and ResourceQuota, and no workloads in default or kube-system. */
export function namespacePack(): RulePack {
  return new RulePack({
    name: 'namespace',
    description: 'Namespaces: Pod Security Admission labels, LimitRange and ResourceQuota, and no workloads in default or kube-system.',
    rules: [],
  });
}
