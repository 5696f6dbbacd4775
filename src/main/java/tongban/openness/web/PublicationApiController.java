package tongban.openness.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.directory.DirectoryManagement;
import tongban.openness.PublicationKind;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRow;
import tongban.openness.domain.Validity;
import tongban.openness.internal.PublicationReading;
import tongban.openness.internal.PublicationReading.Filter;
import tongban.openness.internal.PublicationReading.PublicView;
import tongban.shared.DomainException;

/**
 * 政务公开 for department systems and apps: public publications and policies, filtered and paged, and one with its whole
 * content. A parameter of the wrong type or out of range is a 400/422 problem; an unknown, withdrawn or not public id a 404.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "openness", description = "政务公开：政策文件、政策解读、通知公告")
class PublicationApiController {

	private final PublicationReading reading;
	private final DirectoryManagement directory;

	PublicationApiController(PublicationReading reading, DirectoryManagement directory) {
		this.reading = reading;
		this.directory = directory;
	}

	/** One publication in a list. */
	record Summary(UUID id, PublicationKind kind, String title, String docNumber, String department, LocalDate publishedOn, String topic,
			Validity validity, String path) {

		static Summary of(PublicationRow r) {
			return new Summary(r.id(), r.kind(), r.title(), r.docNumber(), r.departmentCode(), r.publishedOn(), r.topic(),
					r.kind() == PublicationKind.POLICY ? r.validity() : null, r.path());
		}
	}

	/** A page of a list. */
	record Listing(List<Summary> content, long totalElements, int page, int size) {

		static Listing of(Page<PublicationRow> page) {
			return new Listing(page.getContent().stream().map(Summary::of).toList(), page.getTotalElements(), page.getNumber(), page.getSize());
		}
	}

	/** One publication with its live content and links. */
	record Detail(Summary publication, int version, PublicationContent content, LocalDate validitySince, UUID replacedBy,
			List<UUID> interpretations, List<String> items) {

		static Detail of(PublicView v) {
			return new Detail(Summary.of(v.row()), v.version(), v.content(), v.row().validityOn(), v.successor().map(PublicationRow::id).orElse(null),
					v.interpretations().stream().map(PublicationRow::id).toList(), v.items().stream().map(PublicationReading.ItemLink::code).toList());
		}
	}

	@Operation(summary = "Public publications (policies, interpretations, articles), newest first, filtered and paged")
	@GetMapping("/publications")
	Listing publications(@Parameter(description = "POLICY, INTERPRETATION or ARTICLE") @RequestParam(required = false) PublicationKind kind,
			@Parameter(description = "department code, e.g. XH-SCJG") @RequestParam(required = false) String department,
			@Parameter(description = "year published") @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return Listing.of(reading.list(new Filter(kind, department(department), null, null, year(year), null), page(page, size)));
	}

	@Operation(summary = "One public publication with its live content")
	@GetMapping("/publications/{id}")
	Detail publication(@PathVariable UUID id) {
		PublicationRow row = reading.publicRow(id).orElseThrow(() -> DomainException.notFound("publication"));
		return Detail.of(reading.page(row.kind(), id).orElseThrow());
	}

	@Operation(summary = "Public policy documents, filtered by issuing department, topic (主题分类), validity and year, paged")
	@GetMapping("/policies")
	Listing policies(@RequestParam(required = false) String department, @RequestParam(required = false) String topic,
			@Parameter(description = "VALID, EXPIRED, REPEALED or AMENDED") @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (topic != null && topic.length() > 40) {
			throw invalid("topic");
		}
		return Listing.of(reading.list(new Filter(PublicationKind.POLICY, department(department), topic, validity, year(year), null),
				page(page, size)));
	}

	@Operation(summary = "One public policy document with its attachments, interpretations and governed items")
	@GetMapping("/policies/{id}")
	Detail policy(@PathVariable UUID id) {
		return Detail.of(reading.page(PublicationKind.POLICY, id).orElseThrow(() -> DomainException.notFound("policy")));
	}

	private String department(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		if (directory.departmentByCode(code).isEmpty()) {
			throw invalid("department");
		}
		return code;
	}

	private static Integer year(Integer year) {
		if (year != null && (year < 1949 || year > 2100)) {
			throw invalid("year");
		}
		return year;
	}

	private static PageRequest page(int page, int size) {
		if (page < 0 || page > 10_000) {
			throw invalid("page");
		}
		if (size < 1 || size > 100) {
			throw invalid("size");
		}
		return PageRequest.of(page, size);
	}

	private static DomainException invalid(String parameter) {
		return new DomainException(DomainException.Kind.INVALID, "invalid-parameter", "bad parameter " + parameter, parameter);
	}
}
