package tongban.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.feedback.internal.domain.RatingRepository;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.shared.Masking;

/** Reading ratings: one, a case's, a department's (for its staff) and a region's (for its supervisors). */
@Service
public class Ratings {

	private final RatingRepository ratings;
	private final IdentityManagement identity;

	Ratings(RatingRepository ratings, IdentityManagement identity) {
		this.ratings = ratings;
		this.identity = identity;
	}

	public Optional<RatingView> rating(UUID id) {
		return ratings.find(id);
	}

	public List<RatingView> ofCase(UUID caseId) {
		return ratings.where("where case_id = ? order by round", caseId);
	}

	/** Ratings of the supervisor's region, newest first, excluded ones among them (marked). */
	@Transactional(readOnly = true)
	public List<RatingView> supervised(StaffMember staff, int limit) {
		if (!FeedbackRoles.supervisor(staff)) {
			return List.of();
		}
		return ratings.where("where region_code like ? order by created_at desc limit ?", RatingStatistics.prefix(staff.regionScope()) + "%",
				limit);
	}

	/** The department's ratings, newest first (excluded ones too). */
	@Transactional(readOnly = true)
	public List<RatingView> ofDepartment(StaffMember staff, int limit) {
		if (!FeedbackRoles.worksOwnDepartment(staff)) {
			return List.of();
		}
		return ratings.where("where department_code = ? order by created_at desc limit ?", staff.departmentCode(), limit);
	}

	/** For lists that say who rated, masked: the rater's name (family name only), or empty when anonymous. */
	public String raterName(RatingView rating) {
		return rating.raterAccountId() == null ? ""
				: identity.account(rating.raterAccountId()).map(account -> Masking.name(account.displayName())).orElse("");
	}
}
