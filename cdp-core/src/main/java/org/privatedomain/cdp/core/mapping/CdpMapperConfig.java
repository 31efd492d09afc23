package org.privatedomain.cdp.core.mapping;

import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

/** Shared MapStruct settings: Spring beans, and a build error for any target property left unmapped. */
@MapperConfig(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface CdpMapperConfig {
}
