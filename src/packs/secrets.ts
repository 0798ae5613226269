import { RulePack } from '../engine/rule-pack';

/** No secret values in manifests: env values, Secrets with inline data and ConfigMaps holding secrets. */
export function secretsPack(): RulePack {
  return new RulePack({
    name: 'secrets',
    description: 'No secret values in manifests: env values, Secrets with inline data and ConfigMaps holding secrets.',
    rules: [],
  });
}
