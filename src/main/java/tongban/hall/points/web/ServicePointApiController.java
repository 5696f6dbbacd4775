package tongban.hall.points.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.directory.ServicePoints.ServicePoint;
import tongban.hall.points.PointDays;
import tongban.hall.points.PointFinder;
import tongban.hall.points.PointWindows;
import tongban.shared.DomainException;
import tongban.shared.web.Problems;

/**
 * 办事地点 for apps and department systems: the points (by item, township, or nearest to a position with the distance)
 * and one point with its windows, the items each serves and its hours for the coming 14 days on the working calendar.
 * A parameter that is not understood is a 400 problem naming it; an unknown point a 404.
 */
@RestController
@Tag(name = "service-points", description = "办事地点：政务服务中心、便民服务中心、代办点")
class ServicePointApiController {

	static final int DAYS = 14;

	/** One point in a list; metres only when searched near a position. */
	record PointSummary(String code, String name, String level, String levelLabel, String townshipCode, String address,
			BigDecimal latitude, BigDecimal longitude, String phone, String workdayHours, String today, Long metres) {

		static PointSummary of(ServicePoint p, PointDays.Status status, Double metres) {
			return new PointSummary(p.code(), p.name(), p.level().name(), p.level().label(), p.townshipCode(), p.address(), p.latitude(),
					p.longitude(), p.phone(), p.workdayHours(), status.state().name(), metres == null ? null : Math.round(metres));
		}
	}

	/** An item a window serves. */
	record ItemRef(String code, String name) {
	}

	/** A window: number, name, kind, the queue series it calls, and the items it serves (empty when it serves all). */
	record WindowDetail(String number, String name, String kind, String series, boolean servesAllItems, List<ItemRef> items) {
	}

	/** One day: open or not, the sessions ("09:00-12:00"), and why it is closed or that it is a make-up day. */
	record DayDetail(LocalDate date, boolean open, List<String> sessions, String note, String reason) {
	}

	/** A point with its windows and its coming days. */
	record PointDetail(PointSummary point, List<WindowDetail> windows, List<DayDetail> days) {
	}

	private final PointFinder finder;
	private final PointDays days;
	private final PointWindows windows;
	private final Problems problems;

	ServicePointApiController(PointFinder finder, PointDays days, PointWindows windows, Problems problems) {
		this.finder = finder;
		this.days = days;
		this.windows = windows;
		this.problems = problems;
	}

	@Operation(summary = "办事地点列表，可按事项、街道（乡镇）筛选，或按离某个位置的距离排序",
			description = "near=纬度,经度（WGS-84）时按距离由近到远排列，并给出距离（米）。参数无法识别时返回 400 problem+json。")
	@GetMapping(value = "/api/service-points", produces = MediaType.APPLICATION_JSON_VALUE)
	List<PointSummary> list(@Parameter(description = "事项编码：只列出能办理该事项的地点，如 330106-GF-0004-01") @RequestParam(required = false) String item,
			@Parameter(description = "街道（乡镇）区划代码，如 330106002") @RequestParam(required = false) String township,
			@Parameter(description = "纬度,经度，如 30.27,120.14") @RequestParam(required = false) String near) {
		String itemCode = null;
		if (item != null) {
			itemCode = finder.item(item).map(p -> p.code()).orElseThrow(() -> invalid("service-points-item"));
		}
		if (township != null && finder.township(township).isEmpty()) {
			throw invalid("service-points-township");
		}
		Optional<double[]> position = near == null ? Optional.empty() : Position.parse(near);
		if (near != null && position.isEmpty()) {
			throw invalid("service-points-near");
		}
		List<ServicePoint> found = finder.all(itemCode).stream()
			.filter(p -> township == null || township.equals(p.townshipCode()))
			.toList();
		if (position.isPresent()) {
			double[] at = position.get();
			return found.stream()
				.filter(p -> p.metresFrom(at[0], at[1]).isPresent())
				.sorted(Comparator.comparingDouble(p -> p.metresFrom(at[0], at[1]).orElseThrow()))
				.map(p -> PointSummary.of(p, days.status(p), p.metresFrom(at[0], at[1]).orElseThrow()))
				.toList();
		}
		return found.stream().map(p -> PointSummary.of(p, days.status(p), null)).toList();
	}

	@Operation(summary = "一个办事地点：窗口、各窗口可办事项和今后 14 天的办公时间（按工作日历，节假日和临时闭厅注明原因）")
	@GetMapping(value = "/api/service-points/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	PointDetail point(@Parameter(description = "地点编码，如 XH-BM-BS") @PathVariable String code) {
		ServicePoint point = windows.point(code).orElseThrow(() -> DomainException.notFound("service point"));
		List<WindowDetail> windowDetails = windows.of(point).stream()
			.map(w -> new WindowDetail(w.window().number(), w.window().name(), w.window().kind().name(), w.window().series(), w.servesAll(),
					w.items().stream().map(i -> new ItemRef(i.code(), i.name())).toList()))
			.toList();
		List<DayDetail> dayDetails = days.coming(point, DAYS).stream()
			.map(d -> new DayDetail(d.day(), d.open(), d.sessions().stream().map(s -> s.opens() + "-" + s.closes()).toList(),
					d.note() == null ? null : d.note().name(), d.reason()))
			.toList();
		return new PointDetail(PointSummary.of(point, days.status(point), null), windowDetails, dayDetails);
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
		HttpStatus status = e.kind() == DomainException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.of(request, status, e.code(), null));
	}

	private static DomainException invalid(String code) {
		return new DomainException(DomainException.Kind.INVALID, code, code);
	}
}
