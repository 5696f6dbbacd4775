/**
 * 效能监察、考核评价与决策支持: daily indicators per department, region and item kept up to date from the other
 * modules' events (with a backfill from their records), the 考核 scoring rules and monthly assessment, role dashboards
 * and the public 政务服务效能 page, 督办单 raised by rules on clocks, supplements, refusals, tickets and ratings,
 * anomaly rules on reads of personal data, channel checks of the platform's own content, hot topics from 12345, demand
 * forecasts and business trends. It listens to events after commit and reads other modules only through their APIs.
 */
@ApplicationModule(displayName = "Insight")
package tongban.insight;

import org.springframework.modulith.ApplicationModule;
