package tongban.approval;

import java.time.LocalDate;
import java.util.List;

/**
 * Other work on a clock that the supervisor's 督办 page lists beside the cases: a module with such work (依申请公开 in
 * openness, for one) implements this port, and the page shows one section per implementation. The supervision page
 * owns the interface so that it reads no other module's tables and depends on none of them.
 */
public interface SupervisedWork {

	/** One piece of work past its limit: its number, what it is, the department, the due date and working days overdue. */
	record Overdue(String number, String subject, String departmentCode, LocalDate due, int daysOverdue, String link) {
	}

	/** The message key of the section's heading. */
	String titleKey();

	/** The overdue work of departments in the region (a code such as 330106), the longest overdue first. */
	List<Overdue> overdue(String region);
}
