//! Incidents: events of different articles that report one real-world happening (cross-document
//! event coreference). Each article's violent events (attacks, clashes, strikes, prison breaks,
//! riots, hostage-takings) are summarized while the corpus streams through resolution; once the
//! entities are resolved, events are joined when
//! - they are of one family (all violence counts as one: one outlet's «هجوم» is another's
//!   «اشتباكات» at the same prison);
//! - their most precise places are one place, or one lies in the other (a prison and its city);
//! - their days are at most [`WINDOW_DAYS`] apart (the event's own day, else the day of the
//!   report);
//! - their agents do not contradict: when both name agents, they share one.
//!
//! An incident's IRI comes from its earliest report (day, article, characters), so the same
//! articles give the same IRI whatever the order they were read in.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::lexicon::Lexicon;
use crate::model::{DateValue, Entity, EntityRef, Event, EventSummary, Incident, IncidentOf};
use crate::vocab::{Class, EventClass};

/// Reports of one happening are at most this many days apart.
pub const WINDOW_DAYS: i64 = 10;

/// The summary of an event, if it is one incidents are made of.
pub fn summarize(article: &str, ev: &Event, published: Option<&DateValue>) -> Option<EventSummary> {
    if !ev.class.is_violent() {
        return None;
    }
    let day = |d: Option<&DateValue>| match d {
        Some(DateValue::Day(d)) => Some(*d),
        _ => None,
    };
    // (what was hit first: of two towns of one rank, the one struck is the event's site)
    let places: Vec<EntityRef> = ev.targets.iter().chain(&ev.places).cloned().collect();
    Some(EventSummary {
        article: article.to_string(),
        span: (ev.start, ev.end),
        class: ev.class,
        places,
        agents: ev.agents.clone(),
        day: match ev.date {
            Some(DateValue::Day(d)) => Some(d),
            // a month or a year that ended well before the report is background: «الهجوم على
            // سجن الصناعة في كانون الثاني 2022» in two articles of 2026 is no news of theirs
            Some(d) => day(published).filter(|p| {
                d.last_day()
                    .is_some_and(|end| (*p - end).num_days() <= WINDOW_DAYS)
            }),
            None => day(published),
        },
    })
}

fn precision(c: Class) -> Option<u8> {
    c.place_precision()
}

/// The incidents of a corpus, and for each (article, event span) the index of its incident.
pub fn cluster(
    lex: &Lexicon,
    entities: &[Entity],
    by_ref: &HashMap<EntityRef, usize>,
    events: &[EventSummary],
) -> (Vec<Incident>, IncidentOf) {
    // each event's most precise place, and the places it lies in (gazetteer containment, short
    // of the country: a country holds too many happenings to say they are one)
    let of_gazetteer: HashMap<usize, usize> = entities
        .iter()
        .enumerate()
        .filter_map(|(k, e)| e.gazetteer.map(|g| (g, k)))
        .collect();
    let within = |e: usize| -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        if let Some(gi) = entities[e].gazetteer {
            let mut stack = vec![gi];
            let mut seen = BTreeSet::new();
            while let Some(x) = stack.pop() {
                for id in &lex.gazetteer[x].within {
                    if let Some(&y) = lex.by_id.get(id) {
                        if !seen.insert(y) || lex.gazetteer[y].class == Class::Country {
                            continue;
                        }
                        if let Some(&k) = of_gazetteer.get(&y) {
                            out.insert(k);
                        }
                        stack.push(y);
                    }
                }
            }
        }
        out
    };
    struct Item {
        ev: usize,
        place: usize,
        around: BTreeSet<usize>,
        agents: BTreeSet<usize>,
    }
    let mut items: Vec<Item> = Vec::new();
    for (k, ev) in events.iter().enumerate() {
        // a school, hospital or port reports name differently («مدرسة الأمل»، «مركز الإيواء»):
        // the most precise other place, where there is one
        let place = ev
            .places
            .iter()
            .filter_map(|p| by_ref.get(p).copied())
            .filter_map(|p| precision(entities[p].class).map(|r| (r, p)))
            .enumerate()
            .min_by_key(|(k, (r, p))| (entities[*p].class == Class::Facility, *r, *k))
            .map(|(_, (_, p))| p);
        let Some(place) = place else { continue };
        let mut around = within(place);
        around.insert(place);
        // the other places the report gives lie around it too: «مدرسة الأمل … بالفاشر» (those
        // larger than it: another town it names is not around a town)
        let rank = precision(entities[place].class);
        for p in ev.places.iter().filter_map(|p| by_ref.get(p).copied()) {
            if precision(entities[p].class).is_some_and(|r| Some(r) > rank) {
                around.insert(p);
                around.extend(within(p));
            }
        }
        let agents = ev
            .agents
            .iter()
            .filter_map(|a| by_ref.get(a).copied())
            .collect();
        items.push(Item {
            ev: k,
            place,
            around,
            agents,
        });
    }
    // union-find over items that fit
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let n = p[y];
            p[y] = r;
            y = n;
        }
        r
    }
    fn union(p: &mut [usize], i: usize, j: usize) {
        let (ri, rj) = (find(p, i), find(p, j));
        if ri != rj {
            p[ri.max(rj)] = ri.min(rj);
        }
    }
    // candidates share a place of their containment: bucket by every place they lie in
    let mut buckets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        for &p in &it.around {
            buckets.entry(p).or_default().push(i);
        }
    }
    for members in buckets.values_mut() {
        // by day, so that only reports within the window are compared
        members.retain(|&i| events[items[i].ev].day.is_some());
        members.sort_by_key(|&i| (events[items[i].ev].day, i));
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&items[i], &items[j]);
                let (da, db) = (events[a.ev].day, events[b.ev].day);
                if da
                    .zip(db)
                    .is_some_and(|(x, y)| (y - x).num_days() > WINDOW_DAYS)
                {
                    break;
                }
                // (one inside the other: a prison and its town, a quarter and its city — not two
                // towns of one province, too large to say two reports are of one happening)
                let local = |p: usize| precision(entities[p].class).is_some_and(|r| r <= 2);
                let nested = a.place == b.place
                    || (local(b.place) && a.around.contains(&b.place))
                    || (local(a.place) && b.around.contains(&a.place));
                let days = da.is_some() && db.is_some();
                // at one prison, camp, facility, quarter or town the reports are of one happening
                // whoever each names (the agents a report gives are the least sure part of it);
                // over a larger area the agents must not contradict
                let one_site = a.place == b.place
                    && precision(entities[a.place].class).is_some_and(|r| r <= 2);
                let agents = one_site
                    || a.agents.is_empty()
                    || b.agents.is_empty()
                    || !a.agents.is_disjoint(&b.agents);
                if nested && days && agents {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // within one article, violent events of one day at nested places are one happening, and a
    // site nobody listed belongs to the day's first happening at a known place
    let mut by_article: BTreeMap<(&str, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        if let Some(day) = events[it.ev].day {
            by_article
                .entry((events[it.ev].article.as_str(), day))
                .or_default()
                .push(i);
        }
    }
    for members in by_article.values_mut() {
        members.sort_by_key(|&i| events[items[i].ev].span);
        let known = |i: usize| entities[items[i].place].gazetteer.is_some();
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&items[i], &items[j]);
                if a.around.contains(&b.place) || b.around.contains(&a.place) {
                    union(&mut parent, i, j);
                }
            }
        }
        // a site nobody listed joins the day's first happening at a known place
        if let Some(&lead) = members.iter().find(|&&i| known(i)) {
            for &i in members.iter().filter(|&&i| !known(i)) {
                union(&mut parent, i, lead);
            }
        }
    }
    // an undated report joins the one incident of its place (or of a place it lies in or that lies
    // in it), if there is exactly one
    for i in 0..items.len() {
        if events[items[i].ev].day.is_some() {
            continue;
        }
        let mut roots = BTreeSet::new();
        for p in &items[i].around {
            for &j in buckets.get(p).map(Vec::as_slice).unwrap_or_default() {
                let (a, b) = (&items[i], &items[j]);
                if a.place == b.place || a.around.contains(&b.place) || b.around.contains(&a.place)
                {
                    roots.insert(find(&mut parent, j));
                }
            }
        }
        if roots.len() == 1 {
            let r = *roots.iter().next().unwrap_or(&i);
            union(&mut parent, i, r);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut incidents = Vec::new();
    let mut of = HashMap::new();
    // in the order of their earliest report, for deterministic numbering
    let mut ordered: Vec<Vec<usize>> = groups.into_values().collect();
    let key = |i: &usize| {
        let e = &events[items[*i].ev];
        (e.day, e.article.clone(), e.span)
    };
    for g in &mut ordered {
        g.sort_by_key(key);
    }
    ordered.sort_by_key(|g| key(&g[0]));
    for g in ordered {
        let first = &events[items[g[0]].ev];
        let h = Sha256::digest(
            format!("{}/{}-{}", first.article, first.span.0, first.span.1).as_bytes(),
        );
        let iri = format!("{}incident/{}", crate::vocab::ID, crate::text::hex(&h[..8]));
        let place = g
            .iter()
            .map(|i| items[*i].place)
            .min_by_key(|p| (precision(entities[*p].class), entities[*p].iri.clone()))
            .unwrap_or(items[g[0]].place);
        let days: Vec<NaiveDate> = g.iter().filter_map(|i| events[items[*i].ev].day).collect();
        let span = days
            .iter()
            .min()
            .zip(days.iter().max())
            .map(|(a, b)| (*a, *b));
        let articles: BTreeSet<&str> = g
            .iter()
            .map(|i| events[items[*i].ev].article.as_str())
            .collect();
        let mut votes: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        let mut classes: BTreeMap<&str, (usize, EventClass)> = BTreeMap::new();
        for i in &g {
            let e = &events[items[*i].ev];
            for a in &items[*i].agents {
                votes.entry(*a).or_default().insert(e.article.as_str());
            }
            classes.entry(e.class.name()).or_insert((0, e.class)).0 += 1;
        }
        let agents = votes
            .into_iter()
            .filter(|(_, arts)| 2 * arts.len() >= articles.len())
            .map(|(a, _)| a)
            .collect();
        let class = classes
            .values()
            .max_by_key(|(n, c)| (*n, std::cmp::Reverse(c.name())))
            .map(|(_, c)| *c)
            .unwrap_or(first.class);
        let index = incidents.len();
        for i in &g {
            let e = &events[items[*i].ev];
            of.insert((e.article.clone(), e.span), index);
        }
        incidents.push(Incident {
            iri,
            place,
            class,
            span,
            agents,
            reports: articles.len(),
        });
    }
    (incidents, of)
}
