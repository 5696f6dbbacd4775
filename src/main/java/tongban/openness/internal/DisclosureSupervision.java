package tongban.openness.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import tongban.approval.SupervisedWork;
import tongban.openness.DisclosureView;
import tongban.openness.domain.DisclosureRepository;

/** 依申请公开 on the supervisor's 督办 page: open requests of the region's departments past their due date. */
@Component
class DisclosureSupervision implements SupervisedWork {

	private final DisclosureRepository repository;
	private final DisclosureViews views;
	DisclosureSupervision(DisclosureRepository repository, DisclosureViews views) {
		this.repository = repository;
		this.views = views;
	}

	@Override
	public String titleKey() {
		return "openness.disclosure.supervision.title";
	}

	@Override
	public List<Overdue> overdue(String region) {
		return repository.openOf(views.inRegion(region)).stream()
			.map(views::brief)
			.filter(DisclosureView::overdue)
			.map(v -> new Overdue(v.number(), "政府信息公开申请", v.departmentCode(), v.clock().due(), -v.clock().remaining(),
					"/workbench/disclosure/" + v.number()))
			.sorted(Comparator.comparingInt(Overdue::daysOverdue).reversed())
			.toList();
	}
}
