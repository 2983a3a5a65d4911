package dev.sightline.query.storage;

import dev.sightline.query.domain.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code projects}: the tenant every trace and key belongs to. */
@Entity
@Table(name = "projects")
public class ProjectEntity {

  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "retention_days", nullable = false)
  private int retentionDays;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** For Hibernate. */
  protected ProjectEntity() {}

  public ProjectEntity(String id, String name, int retentionDays, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.retentionDays = retentionDays;
    this.createdAt = createdAt;
  }

  /** Changes how long the project's traces are kept. */
  public void retentionDays(int days) {
    this.retentionDays = days;
  }

  /** The domain view of this row. */
  public Project toDomain() {
    return new Project(id, name, retentionDays, createdAt);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public int retentionDays() {
    return retentionDays;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
