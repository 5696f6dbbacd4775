package tongban.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.domain.CaseRepository;
import tongban.catalog.Bundle;
import tongban.catalog.CatalogManagement;
import tongban.identity.Actor;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 一件事一次办: one application for several items, a draft per item linked to the bundle, submitted together in one
 * transaction — all of them, or none when any has a problem.
 */
@Service
@Transactional
public class Bundles {

	/** A bundle is a draft until its cases are submitted together. */
	enum BundleStatus {
		DRAFT, SUBMITTED
	}

	private final Applying applying;
	private final Cases cases;
	private final CaseRepository repository;
	private final JdbcClient jdbc;
	private final CatalogManagement catalog;

	Bundles(Applying applying, Cases cases, CaseRepository repository, JdbcClient jdbc, CatalogManagement catalog) {
		this.catalog = catalog;
		this.applying = applying;
		this.cases = cases;
		this.repository = repository;
		this.jdbc = jdbc;
	}

	/** Starts a bundle application: one draft per item, linked to the bundle. */
	public UUID startBundle(Actor actor, Bundle bundle) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into casework_bundle (id, bundle_code, bundle_name, party_id, status) values (?, ?, ?, ?, ?)")
			.params(id, bundle.code(), bundle.name(), actor.party().id(), BundleStatus.DRAFT.name())
			.update();
		for (String item : bundle.items()) {
			applying.createDraft(actor, item, Applying.ONLINE, id);
		}
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<BundleView> bundle(Actor actor, UUID bundleId) {
		// a bundle is the actor's to see only when their scope covers every one of its items
		return jdbc.sql("select id, bundle_code, bundle_name, status from casework_bundle b where id = ? and party_id = ? and not exists "
				+ "(select 1 from casework_case where bundle_id = b.id and not (? or item_name = any(?)))")
			.params(bundleId, actor.party().id(), actor.scope().full(), actor.scope().itemNameArray())
			.query((rs, n) -> new BundleView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					inItemOrder(rs.getString(2), bundleId)))
			.optional();
	}

	/**
	 * The cases in the order the bundle lists its items (the combined form asks in that order); drafts are created in
	 * one transaction, so their creation time cannot tell. Items the bundle no longer lists (changed since) come last.
	 */
	private List<CaseSummary> inItemOrder(String bundleCode, UUID bundleId) {
		return repository.ofBundle(bundleId, catalog.bundle(bundleCode).map(Bundle::items).orElse(List.of()));
	}

	/** The bundle's cases in full, in the bundle's item order. */
	@Transactional(readOnly = true)
	public List<CaseView> bundleCases(Actor actor, UUID bundleId) {
		return bundle(actor, bundleId).map(b -> b.cases().stream().map(c -> cases.find(actor, c.id()).orElseThrow()).toList()).orElse(List.of());
	}

	/** Submits every case of the bundle in one transaction: all of them, or none when any has a problem. */
	public List<FieldProblem> submitBundle(Actor actor, UUID bundleId) {
		List<CaseView> all = bundleCases(actor, bundleId);
		if (all.isEmpty()) {
			throw DomainException.notFound("bundle");
		}
		if (all.stream().allMatch(c -> c.status() != CaseStatus.DRAFT)) {
			return List.of(); // submitted already (a second click)
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (CaseView c : all) {
			for (FieldProblem p : applying.check(c)) {
				if (problems.stream().noneMatch(x -> x.field().equals(p.field()) && x.code().equals(p.code()))) {
					problems.add(p.field().startsWith("material.") ? new FieldProblem(c.itemCode() + ":" + p.field(), p.code(), p.args()) : p);
				}
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		for (CaseView c : all) {
			List<FieldProblem> p = applying.submit(actor, c.id(), c.submitToken());
			if (!p.isEmpty()) {
				throw new IllegalStateException("checked, yet refused: " + p);
			}
		}
		jdbc.sql("update casework_bundle set status = ?, submitted_at = now() where id = ?")
			.params(BundleStatus.SUBMITTED.name(), bundleId)
			.update();
		return List.of();
	}
}
