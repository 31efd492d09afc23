package org.privatedomain.cdp.campaign.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

    Optional<Campaign> findByBrandIdAndId(long brandId, long id);

    Optional<Campaign> findByBrandIdAndCreationKey(long brandId, String creationKey);

    List<Campaign> findTop1000ByBrandIdOrderByIdDesc(long brandId);

    List<Campaign> findByStateAndScheduledAtLessThanEqualOrderById(CampaignState state, Instant at);

    List<Campaign> findByStateAndTriggerTypeNotNullOrderById(CampaignState state);
}
