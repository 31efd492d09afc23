package org.privatedomain.cdp.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.CdpApplication;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the architecture true: modules only use each other's published features (the module's base package
 * and the packages marked {@code @NamedInterface}), in the allowed direction, without cycles.
 */
class ModuleStructureTests {

    @Test
    void modulesOnlyReachIntoEachOthersPublishedFeatures() {
        ApplicationModules.of(CdpApplication.class, resideInAPackage("..testsupport..")).verify();
    }
}
