/**
 * 主动服务: life events found in the registers the platform may read (a birth, a licence or annual report due, an age
 * reached, retirement) turned into recommendations with their reasons under the person's notification preferences;
 * 免申即享 benefits granted from register data by explained, contestable decisions with payment orders to a pluggable
 * disbursement; 惠企政策直达 matched to companies; 告知承诺 promises with their sampled post-approval checks; and the
 * open-data portal (数据开放) over the exchange catalogue and the platform's own statistics. It reads registers only
 * through the exchange module (every read recorded and shown to the person, purpose 主动服务), listens to other
 * modules' events after commit and calls them only through their root APIs.
 */
@ApplicationModule(displayName = "Proactive services")
package tongban.proactive;

import org.springframework.modulith.ApplicationModule;
