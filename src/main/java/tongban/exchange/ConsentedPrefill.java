package tongban.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.shared.Clocks;

/**
 * Consented prefill (免提交): what the government holds for an item's form is offered to the applicant, and read for
 * them, with their consent, under the item department's grant, recorded as a read of their data.
 */
@Service
public class ConsentedPrefill {

	private record PrefillEntry(String item, String resource, String source, Map<String, String> fields) {
	}

	private final JsonMapper json;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;
	private final DataLookups lookups;
	private final DirectoryManagement directory;
	private volatile List<PrefillEntry> prefillEntries;

	ConsentedPrefill(JsonMapper json, ResourceCatalogue catalogue, SharingGrants grants, DataLookups lookups, DirectoryManagement directory) {
		this.json = json;
		this.catalogue = catalogue;
		this.grants = grants;
		this.lookups = lookups;
		this.directory = directory;
	}

	private List<PrefillEntry> prefillEntries() {
		if (prefillEntries == null) {
			try (InputStream in = getClass().getResourceAsStream("/data/exchange/prefill.json")) {
				prefillEntries = json.readValue(in, new TypeReference<List<PrefillEntry>>() {
				});
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return prefillEntries;
	}

	/** What may be offered for the item's form, when the item's department holds a grant in force for all of it. */
	@Transactional(readOnly = true)
	public Optional<PrefillOffer> prefillOffer(String itemCode, String consumerDepartmentCode) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return prefillEntries().stream().filter(e -> e.item().equals(itemCode)).findFirst().flatMap(e -> catalogue.resource(e.resource()).flatMap(r -> {
			boolean granted = grants.grantsHeldBy(consumerDepartmentCode).stream()
				.anyMatch(g -> g.resourceCode().equals(r.code()) && g.inForce(today) && g.fields().containsAll(e.fields().values()));
			return granted ? Optional.of(new PrefillOffer(itemCode, r.code(), e.source(),
					directory.departmentByCode(r.providerDepartmentCode()).map(DepartmentView::name).orElse(r.providerDepartmentCode()), r.name(),
					consumerDepartmentCode, e.fields())) : Optional.empty();
		}));
	}

	/**
	 * The applicant consented: reads their own record for the form under the item department's grant, recorded as a
	 * PREFILL read of their data (purpose "免提交" and the item, the draft as the case). Answers form key → value; empty when
	 * the register holds nothing for them.
	 */
	@Transactional
	public Map<String, String> prefill(PrefillOffer offer, String subject, UUID applicantAccountId, String itemName, String caseRef) {
		Served served = lookups.serve(new Reader(offer.consumerDepartmentCode(), null, "applicant:" + applicantAccountId, null),
				new Lookup(offer.resourceCode(), subject, List.copyOf(new LinkedHashSet<>(offer.fields().values())), "免提交：" + itemName + "（申请人同意）",
						caseRef),
				"PREFILL");
		Map<String, String> out = new LinkedHashMap<>();
		if (!served.records().isEmpty()) {
			Map<String, String> record = served.records().getFirst();
			offer.fields().forEach((formKey, field) -> out.put(formKey, record.getOrDefault(field, "")));
		}
		return out;
	}
}
