package org.privatedomain.cdp.core.access;

import org.mapstruct.Mapper;
import org.privatedomain.cdp.core.mapping.CdpMapperConfig;

@Mapper(config = CdpMapperConfig.class)
interface ApiKeyMapper {

    ApiKeyView toView(ApiKey key);
}
