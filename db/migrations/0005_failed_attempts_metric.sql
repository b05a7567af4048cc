-- 0005: the pages_failed counter used to count every failed attempt, retried ones included. From now on it counts only
-- jobs that ended dead, and attempts_failed counts attempts: what was counted so far moves to the counter it meant.
update scrape_metrics set name = 'attempts_failed' where name = 'pages_failed';
