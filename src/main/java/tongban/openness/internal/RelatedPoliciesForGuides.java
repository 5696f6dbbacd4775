package tongban.openness.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import tongban.catalog.RelatedPolicies;
import tongban.openness.domain.Validity;

/** 相关政策 on guide pages: the public policies whose live version governs the item, valid ones first. */
@Component
class RelatedPoliciesForGuides implements RelatedPolicies {

	private final PublicationReading reading;
	private final PublicationGeneration generation;

	RelatedPoliciesForGuides(PublicationReading reading, PublicationGeneration generation) {
		this.reading = reading;
		this.generation = generation;
	}

	@Override
	public List<RelatedPolicy> governing(String itemCode) {
		return reading.governing(itemCode).stream()
			.map(p -> new RelatedPolicy(p.title(), p.path(), p.docNumber() == null ? "" : p.docNumber(), p.validity() == Validity.VALID,
					"openness.pub.validity." + p.validity().name()))
			.toList();
	}

	@Override
	public long version() {
		return generation.current();
	}
}
