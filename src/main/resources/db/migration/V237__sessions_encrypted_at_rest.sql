-- Issue 21: session attributes are now stored encrypted with the data keys (shared.internal.SessionConfiguration).
-- Sessions written before hold them readable (a half-finished registration's name and ID number): they end here, once.
delete from spring_session;
