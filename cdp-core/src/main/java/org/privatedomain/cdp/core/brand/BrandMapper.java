package org.privatedomain.cdp.core.brand;

import org.mapstruct.Mapper;
import org.privatedomain.cdp.core.mapping.CdpMapperConfig;

@Mapper(config = CdpMapperConfig.class)
interface BrandMapper {

    BrandView toView(Brand brand);
}
