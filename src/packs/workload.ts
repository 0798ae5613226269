import { RulePack } from '../engine/rule-pack';

/** Container hygiene: resources, probes, pinned and slim images, read-only root filesystem, service accounts, users and capabilities. */
export function workloadPack(): RulePack {
  return new RulePack({
    name: 'workload',
    description: 'Container hygiene: resources, probes, pinned and slim images, read-only root filesystem, service accounts, users and capabilities.',
    rules: [],
  });
}
