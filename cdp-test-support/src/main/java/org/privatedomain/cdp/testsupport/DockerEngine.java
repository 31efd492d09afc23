package org.privatedomain.cdp.testsupport;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, asked once per JVM. */
final class DockerEngine {

    private static final boolean REACHABLE = DockerClientFactory.instance().isDockerAvailable();

    private DockerEngine() {
    }

    static final class Reachable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return REACHABLE;
        }
    }

    static final class Unreachable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !REACHABLE;
        }
    }
}
