import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HardenedDeployment } from '../../src';

/** A Spring Boot service, built on eclipse-temurin:21-jre-alpine. */
export function jvmApp(scope: Construct): HardenedDeployment {
  return new HardenedDeployment(scope, 'orders', {
    containers: [{
      name: 'orders',
      image: 'ghcr.io/acme/orders:3.2.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      portNumber: 8080,
      envVariables: {
        // Read by the JVM itself, whatever the image's entrypoint: size the heap from the container's memory
        // limit, and exit on OutOfMemoryError so Kubernetes restarts a clean process instead of a broken one.
        JAVA_TOOL_OPTIONS: kplus.EnvValue.fromValue('-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError'),
      },
      // Spring Boot turns these health groups on when it runs on Kubernetes.
      readiness: kplus.Probe.fromHttpGet('/actuator/health/readiness', { port: 8080, periodSeconds: Duration.seconds(10) }),
      liveness: kplus.Probe.fromHttpGet('/actuator/health/liveness', { port: 8080, periodSeconds: Duration.seconds(20) }),
      // The JVM starts slowly: liveness waits until this has passed once (up to two minutes).
      startup: kplus.Probe.fromHttpGet('/actuator/health/liveness', { port: 8080, periodSeconds: Duration.seconds(5), failureThreshold: 24 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.units(2) },
        memory: { request: Size.mebibytes(768), limit: Size.mebibytes(768) },
      },
    }],
    // /tmp (a default) takes the JVM's hsperfdata and the embedded Tomcat's work directories.
  });
}
