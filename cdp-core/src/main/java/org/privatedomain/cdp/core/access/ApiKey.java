package org.privatedomain.cdp.core.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A brand key as stored: never the key itself, only the hash of its secret part. */
@Entity
@Table(schema = "core", name = "api_key")
class ApiKey {

    @Id
    private UUID id;

    @Column(updatable = false)
    private long brandId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private BrandRole role;

    @Column(updatable = false)
    private byte[] secretHash;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(UUID id, long brandId, BrandRole role, byte[] secretHash, Instant createdAt) {
        this.id = id;
        this.brandId = brandId;
        this.role = role;
        this.secretHash = secretHash.clone();
        this.createdAt = createdAt;
    }

    boolean opensWith(String secret) {
        return revokedAt == null && ApiKeyFormat.sameHash(secretHash, ApiKeyFormat.hash(secret));
    }

    /** Revoking twice keeps the first revocation time. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public long getBrandId() {
        return brandId;
    }

    public BrandRole getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
