package dev.sightline.query.storage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache access to {@code projects}. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<ProjectEntity, String> {}
