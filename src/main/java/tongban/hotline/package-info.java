/**
 * 12345 complaint and suggestion tickets: intake (web, hotline operator, Open311 GeoReport v2), dispatch by the dispatch
 * catalogue with return and reassignment, merging, handling against time limits in hours or working days, supervision
 * when overdue, reply, close, revisit and satisfaction, and public replies published with consent.
 */
@ApplicationModule(displayName = "Hotline")
package tongban.hotline;

import org.springframework.modulith.ApplicationModule;
