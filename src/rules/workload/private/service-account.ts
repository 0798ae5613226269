import { PodTemplate } from '../../../private/pod-template';

/**
 * The ServiceAccount a pod runs as: `serviceAccountName`, else the deprecated `serviceAccount`, else undefined
 * (Kubernetes then uses `default`).
 */
export function serviceAccountNameOf(pod: PodTemplate): string | undefined {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = pod.spec[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
