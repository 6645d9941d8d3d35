# ruff: noqa: E501  (the pages keep the long lines templates write)
"""Synthetic pages in the shapes common CMS templates emit, read by from_html.

Each page is written from the template's known markup (WordPress without Yoast, Blogger,
Drupal 7 and 9, Jekyll, Hugo, Ghost, Substack-, Medium-, BBC-, Guardian-, NYT- and
Washington Post-style heads, a Bootstrap news template, an old table layout), reduced to
what carries metadata. The expected values are what the page itself says.
"""

from __future__ import annotations

from typing import Any

import pytest

from newspkg import from_html

PAGES: dict[str, tuple[Any, ...]] = {}

PAGES["wp_classic_no_yoast"] = (
    """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>Council approves new bike lanes &#8211; Riverside Gazette</title>
<link rel="canonical" href="https://riversidegazette.example/2024/03/05/council-approves-new-bike-lanes/">
</head><body class="post-template-default single single-post postid-123">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Riverside Gazette</a></p></header>
<main id="main" class="site-main">
<article id="post-123" class="post-123 post type-post status-publish format-standard hentry category-local">
<header class="entry-header"><h1 class="entry-title">Council approves new bike lanes</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="https://riversidegazette.example/2024/03/05/council-approves-new-bike-lanes/" rel="bookmark"><time class="entry-date published" datetime="2024-03-05T10:00:00+00:00">March 5, 2024</time><time class="updated" datetime="2024-03-06T08:00:00+00:00">March 6, 2024</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://riversidegazette.example/author/jdoe/">Jane Doe</a></span></span></div>
</header>
<div class="entry-content"><p>The city council voted on Tuesday to approve a network of protected bike lanes across downtown, ending two years of debate.</p></div>
</article></main></div></body></html>""",
    {
        "title": "Council approves new bike lanes",
        "authors": ["Jane Doe"],
        "published": "2024-03-05",
        "modified": "2024-03-06",
        "language": "en-US",
    },
)

PAGES["blogger"] = (
    """<!DOCTYPE html>
<html class='v2' dir='ltr' lang='en' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b'>
<head><meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<title>My Garden Diary: Planting tomatoes early</title>
<link href='https://mygardendiary.blogspot.com/2024/03/planting-tomatoes-early.html' rel='canonical'/>
<meta content='https://mygardendiary.blogspot.com/2024/03/planting-tomatoes-early.html' property='og:url'/>
<meta content='Planting tomatoes early' property='og:title'/>
<meta content='Why I start my seedlings in February and what it takes to keep them alive.' property='og:description'/>
</head><body>
<div class='date-outer'><h2 class='date-header'><span>Tuesday, March 5, 2024</span></h2>
<div class='date-posts'><div class='post-outer'>
<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<meta content='https://blogger.googleusercontent.com/img/a.jpg' itemprop='image_url'/>
<a name='123'></a>
<h3 class='post-title entry-title' itemprop='name'>Planting tomatoes early</h3>
<div class='post-header'></div>
<div class='post-body entry-content' itemprop='description articleBody'><p>Why I start my seedlings in February and what it takes to keep them alive.</p></div>
<div class='post-footer'><div class='post-footer-line post-footer-line-1'>
<span class='post-author vcard'>Posted by <span class='fn' itemprop='author' itemscope='itemscope' itemtype='http://schema.org/Person'><meta content='https://www.blogger.com/profile/123' itemprop='url'/><a class='g-profile' href='https://www.blogger.com/profile/123' rel='author' title='author profile'><span itemprop='name'>Mary Green</span></a></span></span>
<span class='post-timestamp'>at <meta content='https://mygardendiary.blogspot.com/2024/03/planting-tomatoes-early.html' itemprop='url'/><a class='timestamp-link' href='https://mygardendiary.blogspot.com/2024/03/planting-tomatoes-early.html' rel='bookmark' title='permanent link'><abbr class='published' itemprop='datePublished' title='2024-03-05T09:15:00-08:00'>9:15 AM</abbr></a></span>
</div></div></div></div></div></div></body></html>""",
    {
        "title": "Planting tomatoes early",
        "authors": ["Mary Green"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["drupal7"] = (
    """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN" "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" version="XHTML+RDFa 1.0" dir="ltr"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/terms/"
  xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:og="http://ogp.me/ns#" xmlns:sioc="http://rdfs.org/sioc/ns#"
  xmlns:sioct="http://rdfs.org/sioc/types#" xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
<head profile="http://www.w3.org/1999/xhtml/vocab">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<link rel="canonical" href="https://citynews.example/news/water-main-break-closes-elm-street" />
<link rel="shortlink" href="/node/42" />
<title>Water main break closes Elm Street | City News</title>
</head>
<body class="html not-front not-logged-in one-sidebar sidebar-first page-node page-node- page-node-42 node-type-article">
<div id="page"><div id="main"><div id="content" class="column"><h1 class="title" id="page-title">Water main break closes Elm Street</h1>
<div id="node-42" class="node node-article node-promoted view-mode-full clearfix" about="/news/water-main-break-closes-elm-street" typeof="sioc:Item foaf:Document">
<span property="dc:title" content="Water main break closes Elm Street" class="rdf-meta element-hidden"></span>
<div class="submitted"><span property="dc:date dc:created" content="2024-03-05T10:21:33-05:00" datatype="xsd:dateTime" rel="sioc:has_creator">Submitted by <span class="username" xml:lang="" about="/user/3" typeof="sioc:UserAccount" property="foaf:name" datatype="">jsmith</span> on Tue, 03/05/2024 - 10:21</span></div>
<div class="content"><div class="field field-name-body"><div class="field-items"><div class="field-item even" property="content:encoded"><p>A water main break early Tuesday closed Elm Street between Third and Fifth avenues for most of the day.</p></div></div></div></div>
</div></div></div></div></body></html>""",
    {
        "title": "Water main break closes Elm Street",
        "authors": ["jsmith"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["drupal9"] = (
    """<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  foaf: http://xmlns.com/foaf/0.1/  og: http://ogp.me/ns#  rdfs: http://www.w3.org/2000/01/rdf-schema#  schema: http://schema.org/  sioc: http://rdfs.org/sioc/ns#  sioct: http://rdfs.org/sioc/types#  skos: http://www.w3.org/2004/02/skos/core#  xsd: http://www.w3.org/2001/XMLSchema# ">
<head><meta charset="utf-8" />
<link rel="canonical" href="https://valleytimes.example/node/77" />
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
<title>School board delays vote on budget | Valley Times</title>
</head><body class="path-node page-node-type-article">
<main role="main"><div class="layout-content">
<article role="article" about="/node/77" class="node node--type-article node--promoted node--view-mode-full">
<h2><a href="/node/77" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">School board delays vote on budget</span></a></h2>
<footer class="node__meta"><article typeof="schema:Person" about="/user/5" class="profile"></article>
<div class="node__submitted">Submitted by <span class="field field--name-uid field--type-entity-reference field--label-hidden"><span lang="" about="/user/5" typeof="schema:Person" property="schema:name" datatype="">Ana Lopez</span></span> on <span class="field field--name-created field--type-created field--label-hidden">Tue, 03/05/2024 - 10:21</span>
<span property="schema:dateCreated" content="2024-03-05T15:21:33+00:00" class="rdf-meta hidden"></span></div></footer>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item" property="schema:text"><p>The school board postponed its vote on next year's budget after parents packed the meeting to object to proposed cuts.</p></div></div>
</article></div></main></body></html>""",
    {
        "title": "School board delays vote on budget",
        "authors": ["Ana Lopez"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["jekyll_minima"] = (
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Notes on Rust lifetimes | Sam's blog</title>
<link rel="canonical" href="https://sam.example/2024/03/05/rust-lifetimes.html" />
</head><body><main class="page-content" aria-label="Content"><div class="wrapper">
<article class="post h-entry" itemscope itemtype="http://schema.org/BlogPosting">
<header class="post-header"><h1 class="post-title p-name" itemprop="name headline">Notes on Rust lifetimes</h1>
<p class="post-meta"><time class="dt-published" datetime="2024-03-05T10:00:00+00:00" itemprop="datePublished">Mar 5, 2024</time> • <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="p-author h-card" itemprop="name">Sam Lee</span></span></p></header>
<div class="post-content e-content" itemprop="articleBody"><p>Lifetimes confused me for a long time, so here is the explanation I wish I had read first.</p></div>
<a class="u-url" href="/2024/03/05/rust-lifetimes.html" hidden></a></article></div></main></body></html>""",
    {
        "title": "Notes on Rust lifetimes",
        "authors": ["Sam Lee"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["hugo_papermod"] = (
    """<!DOCTYPE html>
<html lang="en" dir="auto"><head><meta charset="utf-8">
<title>Debugging a memory leak in Go | Kim's Notes</title>
<meta name="description" content="How I tracked down a goroutine leak with pprof.">
<meta name="author" content="Kim Park">
<link rel="canonical" href="https://kim.example/posts/go-leak/">
<meta property="og:title" content="Debugging a memory leak in Go">
<meta property="og:type" content="article">
<meta property="og:url" content="https://kim.example/posts/go-leak/">
<meta property="article:section" content="posts">
<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">
<meta property="article:modified_time" content="2024-03-05T10:00:00+00:00">
</head><body><main class="main"><article class="post-single"><header class="post-header">
<h1 class="post-title entry-hint-parent">Debugging a memory leak in Go</h1>
<div class="post-meta"><span title='2024-03-05 10:00:00 +0000 UTC'>March 5, 2024</span>&nbsp;·&nbsp;3 min&nbsp;·&nbsp;Kim Park</div></header>
<div class="post-content"><p>How I tracked down a goroutine leak with pprof.</p></div></article></main></body></html>""",
    {
        "title": "Debugging a memory leak in Go",
        "authors": ["Kim Park"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["hugo_ananke_no_meta"] = (
    """<!DOCTYPE html>
<html lang="en-us"><head><meta charset="utf-8">
<title>Why I switched to Hugo | Alex Rivera</title>
</head><body><main class="pb7" role="main">
<article class="flex-l flex-wrap justify-between mw8 center ph3">
<header class="mt4 w-100"><aside class="instapaper_ignoref b helvetica tracked">POSTS</aside>
<h1 class="f1 athelas mt3 mb1">Why I switched to Hugo</h1>
<p class="tracked">By <strong>Alex Rivera</strong></p>
<time class="f6 mv4 dib tracked" datetime="2024-03-05T10:00:00Z">March 5, 2024</time></header>
<div class="nested-copy-line-height lh-copy serif f4 nested-links mid-gray pr4-l w-two-thirds-l"><p>After five years on WordPress I moved this blog to a static site generator, and here is why.</p></div>
</article></main></body></html>""",
    {
        "title": "Why I switched to Hugo",
        "authors": ["Alex Rivera"],
        "published": "2024-03-05",
        "language": "en-us",
    },
    "https://alex.example/posts/why-hugo/",
)

PAGES["bootstrap_news"] = (
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local team wins championship - Daily Herald</title>
<meta name="description" content="The Tigers beat the Lions 3-1 in the final on Saturday.">
</head><body><nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/">Daily Herald</a></nav>
<div class="container"><div class="row"><div class="col-lg-8">
<div class="post-details"><h1 class="post-title">Local team wins championship</h1>
<ul class="list-inline post-meta"><li class="list-inline-item"><i class="fa fa-user"></i> By <a href="/author/tom-baker">Tom Baker</a></li><li class="list-inline-item"><i class="fa fa-calendar"></i> March 5, 2024</li></ul>
<p>The Tigers beat the Lions 3-1 in the final on Saturday, their first title in twelve years.</p></div>
</div></div></div></body></html>""",
    {
        "title": "Local team wins championship",
        "authors": ["Tom Baker"],
        "published": "2024-03-05",
        "language": "en",
    },
    "https://dailyherald.example/news/local-team-wins-championship",
)

PAGES["table_layout"] = (
    """<html><head><title>The Valley Voice - Mill to close after 80 years</title></head>
<body bgcolor="#ffffff"><table width="100%" border="0" cellpadding="4"><tr><td width="150" valign="top"><a href="/">Home</a><br><a href="/archive">Archive</a></td>
<td valign="top"><font face="Arial" size="5"><b>Mill to close after 80 years</b></font><br>
<font face="Arial" size="2">By JOHN SMITH<br>Staff Writer</font><br>
<font face="Arial" size="1">Posted March 5, 2004</font>
<p>The paper mill that has anchored the town's economy since 1924 will shut its doors in June, the owners said Friday.</p>
</td></tr></table></body></html>""",
    {"title": "Mill to close after 80 years", "authors": ["JOHN SMITH"], "published": "2004-03-05"},
    "http://valleyvoice.example/news/2004/0305mill.html",
)

PAGES["posted_by_on"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Spring concert raises funds | Westfield Chronicle</title>
<link rel="canonical" href="https://westfield.example/news/spring-concert">
</head><body><div id="content"><h1>Spring concert raises funds</h1>
<p class="meta">Posted by Laura Chen on March 5, 2024</p>
<p>The school's spring concert raised more than $4,000 for new instruments, organisers said on Monday.</p>
</div></body></html>""",
    {
        "title": "Spring concert raises funds",
        "authors": ["Laura Chen"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["by_pipe_date"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbor dredging to begin in May – Coastal Post</title>
<meta property="og:title" content="Harbor dredging to begin in May">
<meta property="og:type" content="article">
<meta property="og:url" content="https://coastalpost.example/harbor-dredging">
</head><body><article><h1>Harbor dredging to begin in May</h1>
<div class="article-info">By Peter Walsh | March 5, 2024</div>
<p>The Army Corps of Engineers will begin dredging the harbor channel in May, officials announced.</p>
</article></body></html>""",
    {
        "title": "Harbor dredging to begin in May",
        "authors": ["Peter Walsh"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["written_by_address"] = (
    """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>A walk along the coast path</title>
<link rel="canonical" href="https://rambles.example/coast-path">
</head><body><article><header><h1>A walk along the coast path</h1>
<address class="author">Written by <a rel="author" href="/about">Emma Hart</a></address>
<time>5 March 2024</time></header>
<p>We set off from the harbour just after dawn, with the tide out and the cliffs still in shadow.</p>
</article></body></html>""",
    {
        "title": "A walk along the coast path",
        "authors": ["Emma Hart"],
        "published": "2024-03-05",
        "language": "en-GB",
    },
)

PAGES["medium_like_no_ld"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Scaling our queue workers | by Dana Cole | Engineering Blog</title>
<meta property="og:title" content="Scaling our queue workers">
<meta property="og:type" content="article">
<meta property="og:url" content="https://medium.example/eng/scaling-queue-workers-1a2b3c">
<meta name="description" content="What we learned moving from one big worker to many small ones.">
</head><body><article><h1>Scaling our queue workers</h1>
<div><a href="/@danacole">Dana Cole</a><span> · 5 min read · Mar 5, 2024</span></div>
<p>What we learned moving from one big worker to many small ones.</p></article></body></html>""",
    {
        "title": "Scaling our queue workers",
        "authors": ["Dana Cole"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["itemprop_author_no_meta"] = (
    """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Neue Radwege in der Innenstadt - Stadtanzeiger</title>
<meta property="og:title" content="Neue Radwege in der Innenstadt">
<meta property="og:type" content="article">
<meta property="og:url" content="https://stadtanzeiger.example/radwege">
</head><body><article><h1>Neue Radwege in der Innenstadt</h1>
<span itemprop="author">Von Klaus Weber</span> <time>05.03.2024</time>
<p>Der Stadtrat hat am Dienstag ein Netz geschützter Radwege in der Innenstadt beschlossen.</p></article></body></html>""",
    {"title": "Neue Radwege in der Innenstadt", "authors": ["Klaus Weber"], "language": "de"},
)

PAGES["h1_title_sitename_only"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Northside Weekly</title>
<link rel="canonical" href="https://northside.example/stories/library-reopens">
</head><body><header><a href="/">Northside Weekly</a></header><article><h1>Library reopens after renovation</h1>
<p class="byline">By Rosa Diaz</p><time datetime="2024-03-05">March 5, 2024</time>
<p>The central library reopened on Monday after an eighteen-month renovation that added a children's wing.</p></article></body></html>""",
    {
        "title": "Library reopens after renovation",
        "authors": ["Rosa Diaz"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["title_site_first"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Northside Weekly | Library reopens after renovation</title>
<link rel="canonical" href="https://northside.example/stories/library-reopens">
</head><body><article><h1>Library reopens after renovation</h1>
<p class="byline">By Rosa Diaz, Staff Reporter</p><p class="dateline">March 5, 2024 at 9:30 a.m.</p>
<p>The central library reopened on Monday after an eighteen-month renovation that added a children's wing.</p></article></body></html>""",
    {
        "title": "Library reopens after renovation",
        "authors": ["Rosa Diaz"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["guardian_like"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Rail strike called off after late talks | UK news | The Guardian</title>
<meta name="description" content="Unions and operators reach a deal hours before walkout.">
<meta property="og:title" content="Rail strike called off after late talks">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.theguardian.example/uk-news/2024/mar/05/rail-strike-called-off">
<meta property="article:published_time" content="2024-03-05T18:01:22.000Z">
<meta property="article:modified_time" content="2024-03-05T19:10:00.000Z">
<meta property="article:author" content="https://www.theguardian.example/profile/gwyn-topham">
<meta name="author" content="Gwyn Topham">
<meta property="og:site_name" content="the Guardian">
</head><body><article><h1>Rail strike called off after late talks</h1>
<address aria-label="Contributor info"><a rel="author" href="/profile/gwyn-topham">Gwyn Topham</a> Transport correspondent</address>
<p>Unions and operators reached a deal hours before a planned walkout.</p></article></body></html>""",
    {
        "title": "Rail strike called off after late talks",
        "authors": ["Gwyn Topham"],
        "published": "2024-03-05",
        "modified": "2024-03-05",
        "language": "en",
    },
)

PAGES["wapo_like"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Senate passes stopgap bill - The Washington Post</title>
<meta property="og:title" content="Senate passes stopgap bill">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.washingtonpost.example/politics/2024/03/05/senate-stopgap/">
<meta property="og:site_name" content="Washington Post">
<meta name="description" content="The measure keeps the government open through April.">
<meta property="article:published_time" content="2024-03-05T22:14:00Z">
</head><body><main><article><h1 data-qa="headline">Senate passes stopgap bill</h1>
<div data-qa="author-byline"><span data-qa="author-name"><a href="/people/jane-roe/" rel="author">Jane Roe</a></span> and <span data-qa="author-name"><a href="/people/john-poe/" rel="author">John Poe</a></span></div>
<div data-qa="timestamp"><span data-qa="display-date">March 5, 2024 at 5:14 p.m. EST</span></div>
<p>The measure keeps the government open through April.</p></article></main></body></html>""",
    {
        "title": "Senate passes stopgap bill",
        "authors": ["Jane Roe", "John Poe"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["bbc_like"] = (
    """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Flood warnings issued across Wales - BBC News</title>
<meta property="og:title" content="Flood warnings issued across Wales">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.bbc.example/news/uk-wales-12345678">
<meta property="og:site_name" content="BBC News">
<meta name="description" content="Heavy rain is expected to continue into Wednesday.">
</head><body><main id="main-content"><article><header><h1 id="main-heading">Flood warnings issued across Wales</h1></header>
<div data-component="byline-block"><div data-testid="byline-new-contributors"><div><span>By</span> <span class="ssrcss-68pt20-Text-TextContributorName">Sian Jones</span></div><div>BBC Wales</div></div></div>
<div><time data-testid="timestamp" datetime="2024-03-05T07:02:11.000Z">5 March 2024</time></div>
<p>Heavy rain is expected to continue into Wednesday, forecasters have said.</p></article></main></body></html>""",
    {
        "title": "Flood warnings issued across Wales",
        "authors": ["Sian Jones"],
        "published": "2024-03-05",
        "language": "en-GB",
    },
)

PAGES["nyt_like"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Opinion | What the Jobs Report Says - The New York Times</title>
<meta property="og:title" content="What the Jobs Report Says">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.nytimes.example/2024/03/05/opinion/jobs-report.html">
<meta name="byl" content="By Paul Krugman">
<meta property="article:published_time" content="2024-03-05T10:00:04.000Z">
<meta name="description" content="The economy keeps surprising.">
</head><body><article id="story"><header><h1 data-testid="headline">What the Jobs Report Says</h1>
<p class="css-aknsld e1jsehar1">By <span class="css-1baulvz last-byline" itemprop="name">Paul Krugman</span></p>
<time class="css-1e8x0ha" datetime="2024-03-05T05:00:04-05:00">March 5, 2024</time></header>
<p>The economy keeps surprising, and the latest jobs report is no exception.</p></article></body></html>""",
    {
        "title": "What the Jobs Report Says",
        "authors": ["Paul Krugman"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["ghost_casper_no_ld"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Shipping our new editor</title>
<link rel="canonical" href="https://blog.example.io/new-editor/">
<meta property="og:site_name" content="Acme Blog">
<meta property="og:type" content="article">
<meta property="og:title" content="Shipping our new editor">
<meta property="og:url" content="https://blog.example.io/new-editor/">
<meta property="article:published_time" content="2024-03-05T10:00:00.000Z">
<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Lee Wong">
</head><body class="post-template"><main id="site-main"><article class="article post">
<header class="article-header gh-canvas"><h1 class="article-title">Shipping our new editor</h1>
<div class="article-byline"><section class="article-byline-content"><div class="article-byline-meta"><h4 class="author-name"><a href="/author/lee/">Lee Wong</a></h4>
<div class="byline-meta-content"><time class="byline-meta-date" datetime="2024-03-05">Mar 5, 2024</time><span class="byline-reading-time"><span class="bull">&bull;</span> 4 min read</span></div></div></section></div></header>
<section class="gh-content gh-canvas"><p>Today we are shipping the editor we have been building for the last year.</p></section></article></main></body></html>""",
    {
        "title": "Shipping our new editor",
        "authors": ["Lee Wong"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["substack_like_no_ld"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>The week in chips - by Ray Ito - Silicon Letter</title>
<meta property="og:type" content="article">
<meta property="og:title" content="The week in chips">
<meta property="og:url" content="https://siliconletter.substack.com/p/the-week-in-chips">
<meta name="author" content="Ray Ito">
<meta property="og:description" content="Fabs, tariffs and a surprise merger.">
</head><body><div class="post"><h1 class="post-title">The week in chips</h1>
<div class="post-header"><div class="byline-names">Ray Ito</div><div class="post-date">Mar 05, 2024</div></div>
<div class="body markup"><p>Fabs, tariffs and a surprise merger made for a busy week in semiconductors.</p></div></div></body></html>""",
    {
        "title": "The week in chips",
        "authors": ["Ray Ito"],
        "published": "2024-03-05",
        "language": "en",
    },
)

PAGES["yoast"] = (
    """<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>How to prune roses - Garden Tips</title>
<meta name="description" content="A step-by-step guide to pruning roses in late winter.">
<link rel="canonical" href="https://gardentips.example/how-to-prune-roses/">
<meta property="og:locale" content="en_US"><meta property="og:type" content="article">
<meta property="og:title" content="How to prune roses - Garden Tips">
<meta property="og:url" content="https://gardentips.example/how-to-prune-roses/">
<meta property="og:site_name" content="Garden Tips">
<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">
<meta property="article:modified_time" content="2024-03-06T08:00:00+00:00">
<meta name="author" content="Jane Doe">
<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Doe">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"Article","@id":"https://gardentips.example/how-to-prune-roses/#article","isPartOf":{"@id":"https://gardentips.example/how-to-prune-roses/"},"author":{"name":"Jane Doe","@id":"https://gardentips.example/#/schema/person/abc"},"headline":"How to prune roses","datePublished":"2024-03-05T10:00:00+00:00","dateModified":"2024-03-06T08:00:00+00:00","mainEntityOfPage":{"@id":"https://gardentips.example/how-to-prune-roses/"},"publisher":{"@id":"https://gardentips.example/#organization"},"inLanguage":"en-US"},{"@type":"WebPage","@id":"https://gardentips.example/how-to-prune-roses/","url":"https://gardentips.example/how-to-prune-roses/","name":"How to prune roses - Garden Tips","datePublished":"2024-03-05T10:00:00+00:00","inLanguage":"en-US"},{"@type":"Organization","@id":"https://gardentips.example/#organization","name":"Garden Tips","url":"https://gardentips.example/"},{"@type":"Person","@id":"https://gardentips.example/#/schema/person/abc","name":"Jane Doe"}]}</script>
</head><body><article><h1 class="entry-title">How to prune roses</h1><p>A step-by-step guide to pruning roses in late winter.</p></article></body></html>""",
    {
        "title": "How to prune roses",
        "authors": ["Jane Doe"],
        "published": "2024-03-05",
        "modified": "2024-03-06",
        "language": "en-US",
    },
)

PAGES["time_no_datetime"] = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>New bakery opens on Main Street</title>
<meta property="og:type" content="article"><meta property="og:url" content="https://towncrier.example/bakery">
</head><body><article><h1>New bakery opens on Main Street</h1>
<div class="byline">By Omar Haddad</div><time class="published">March 5, 2024</time>
<p>A family-run bakery opened its doors on Main Street on Saturday, with a queue around the block.</p></article></body></html>""",
    {
        "title": "New bakery opens on Main Street",
        "authors": ["Omar Haddad"],
        "published": "2024-03-05",
        "language": "en",
    },
)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_cms_page_gives_its_title_authors_dates_and_language(name: str) -> None:
    html, expected, *url = PAGES[name]
    article = from_html(html, url=url[0] if url else None)
    found = {
        "title": article.headline,
        "authors": [author.name for author in article.authors],
        "published": str(article.date_published)[:10] if article.date_published else None,
        "modified": str(article.date_modified)[:10] if article.date_modified else None,
        "language": article.language,
    }
    assert {key: found[key] for key in expected} == expected
    # Every field the page's structured data does not give is noted with its source.
    noted = {note.field for note in article.provenance}
    assert "kind" in noted or "headline" in noted or name == "yoast"
