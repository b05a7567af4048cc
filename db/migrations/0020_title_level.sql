-- 0020: what the detector read in a review's title. Lists, cards and feeds show the title; the safe title replaced it
-- only when it named a reveal ("ending explained") or repeated a hidden paragraph's words, so "Never Let Me Go: the
-- clones who never ran" was shown to every reader. The tagger now reads the title like a heading of the text
-- (Core's TitleReading) and the decision replaces a title above none. Reviews stored before read as none until
-- `nlmg retag` reads their titles.
alter table reviews add column title_level smallint not null default 0 check (title_level between 0 and 2);
