package tongban.exchange;

import java.util.Collection;
import java.util.Set;

/**
 * Reads that a supervisor found wrong after a check (insight's anomaly review confirms a hit): the 谁查询了我的数据 page
 * shows "经核查，此次查询存在异常，已处理" beside each. The page owns this port so that it reads no other module's tables and
 * depends on none of them; the module that reviews reads implements it.
 */
public interface ReadConcerns {

	/** Of these reads (their ids), the ones a confirmed review holds. */
	Set<Long> confirmed(Collection<Long> accessIds);
}
