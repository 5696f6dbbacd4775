package tongban.identity;

/** Where a consent was given or withdrawn: the web portal, the mobile app, a service-hall counter, or a client of the API. */
public enum ConsentChannel { WEB, APP, COUNTER, API }
