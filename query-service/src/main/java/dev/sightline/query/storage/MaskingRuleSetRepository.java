package dev.sightline.query.storage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache access to {@code masking_rule_sets}. */
@ApplicationScoped
public class MaskingRuleSetRepository
    implements PanacheRepositoryBase<MaskingRuleSetEntity, String> {}
