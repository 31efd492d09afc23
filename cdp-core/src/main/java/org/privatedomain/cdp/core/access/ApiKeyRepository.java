package org.privatedomain.cdp.core.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    List<ApiKey> findAllByBrandIdOrderByCreatedAt(long brandId);

    Optional<ApiKey> findByIdAndBrandId(UUID id, long brandId);
}
