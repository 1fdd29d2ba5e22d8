"""Canonical names of news outlets, agencies and platforms.

One table serves ingest (an article's outlet from its URL) and citation extraction
(the outlets an article cites), so that "nytimes.com", "the New York Times" and
"NYT" are the same node of the citation graph.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tld import get_fld

# canonical name -> (kind, names it goes by in text, web domains).
# Names are matched case-sensitively in running text (see extract/citations.py), so
# "the Independent" is an outlet and "an independent" is not. Bare short forms that
# several outlets share ("the Times", "the Post", "the Journal") are not names here:
# citation extraction resolves them against the outlets named earlier in the article.
OUTLETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # news agencies
    "Associated Press": ("media", ("Associated Press", "AP", "The Associated Press"), ("apnews.com", "ap.org")),
    "Reuters": ("media", ("Reuters", "Thomson Reuters"), ("reuters.com",)),
    "Agence France-Presse": ("media", ("Agence France-Presse", "Agence France Presse", "AFP"), ("afp.com",)),
    "United Press International": ("media", ("United Press International", "UPI"), ("upi.com",)),
    "Bloomberg": ("media", ("Bloomberg", "Bloomberg News", "Bloomberg Politics", "Bloomberg Businessweek"), ("bloomberg.com",)),
    "Xinhua": ("media", ("Xinhua", "Xinhua News Agency"), ("xinhuanet.com", "news.cn")),
    "TASS": ("media", ("TASS", "Tass", "ITAR-TASS"), ("tass.com", "tass.ru")),
    "RIA Novosti": ("media", ("RIA Novosti", "RIA"), ("ria.ru",)),
    "Interfax": ("media", ("Interfax",), ("interfax.com", "interfax.ru")),
    "Anadolu Agency": ("media", ("Anadolu Agency", "Anadolu"), ("aa.com.tr",)),
    "Kyodo News": ("media", ("Kyodo News", "Kyodo"), ("kyodonews.net",)),
    "Yonhap": ("media", ("Yonhap", "Yonhap News Agency"), ("yna.co.kr",)),
    "Deutsche Presse-Agentur": ("media", ("Deutsche Presse-Agentur", "dpa"), ("dpa.com",)),
    "Press Trust of India": ("media", ("Press Trust of India", "PTI"), ("ptinews.com",)),
    "EFE": ("media", ("EFE", "Agencia EFE"), ("efe.com",)),
    # US broadcasters
    "CNN": ("media", ("CNN", "CNN.com", "CNNMoney", "CNN Money", "CNN Politics"), ("cnn.com",)),
    "Fox News": ("media", ("Fox News", "Fox News Channel", "FOX News", "Fox", "FoxNews.com"), ("foxnews.com",)),
    "Fox Business": ("media", ("Fox Business", "Fox Business Network", "FOX Business", "FOX Business Network"), ("foxbusiness.com",)),
    "NBC News": ("media", ("NBC News", "NBC"), ("nbcnews.com", "nbc.com")),
    "ABC News": ("media", ("ABC News", "ABC"), ("abcnews.go.com", "abcnews.com")),
    "CBS News": ("media", ("CBS News", "CBS"), ("cbsnews.com", "cbs.com")),
    "MSNBC": ("media", ("MSNBC",), ("msnbc.com",)),
    "CNBC": ("media", ("CNBC",), ("cnbc.com",)),
    "NPR": ("media", ("NPR", "National Public Radio"), ("npr.org",)),
    "PBS": ("media", ("PBS", "PBS NewsHour"), ("pbs.org",)),
    "C-SPAN": ("media", ("C-SPAN", "C-Span"), ("c-span.org",)),
    "Univision": ("media", ("Univision",), ("univision.com",)),
    "Telemundo": ("media", ("Telemundo",), ("telemundo.com",)),
    "Newsmax": ("media", ("Newsmax", "Newsmax TV"), ("newsmax.com",)),
    "One America News": ("media", ("One America News", "One America News Network", "OAN"), ("oann.com",)),
    # US newspapers
    "The New York Times": ("media", ("New York Times", "NYT", "NY Times", "The New York Times", "New York Times Magazine"), ("nytimes.com",)),
    "The Washington Post": ("media", ("Washington Post", "WaPo", "Wash Post", "The Washington Post"), ("washingtonpost.com",)),
    "The Wall Street Journal": ("media", ("Wall Street Journal", "WSJ", "The Wall Street Journal"), ("wsj.com",)),
    "USA Today": ("media", ("USA Today", "USA TODAY", "USAToday"), ("usatoday.com",)),
    "Los Angeles Times": ("media", ("Los Angeles Times", "LA Times", "L.A. Times"), ("latimes.com",)),
    "New York Post": ("media", ("New York Post", "NY Post"), ("nypost.com",)),
    "New York Daily News": ("media", ("New York Daily News", "NY Daily News", "NYDN"), ("nydailynews.com",)),
    "The Washington Times": ("media", ("Washington Times", "The Washington Times"), ("washingtontimes.com",)),
    "Washington Examiner": ("media", ("Washington Examiner",), ("washingtonexaminer.com",)),
    "Chicago Tribune": ("media", ("Chicago Tribune",), ("chicagotribune.com",)),
    "The Boston Globe": ("media", ("Boston Globe", "The Boston Globe"), ("bostonglobe.com",)),
    "San Francisco Chronicle": ("media", ("San Francisco Chronicle",), ("sfchronicle.com", "sfgate.com")),
    "Houston Chronicle": ("media", ("Houston Chronicle",), ("houstonchronicle.com",)),
    "Miami Herald": ("media", ("Miami Herald",), ("miamiherald.com",)),
    "The Dallas Morning News": ("media", ("Dallas Morning News",), ("dallasnews.com",)),
    "The Philadelphia Inquirer": ("media", ("Philadelphia Inquirer",), ("inquirer.com", "philly.com")),
    "The Atlanta Journal-Constitution": ("media", ("Atlanta Journal-Constitution",), ("ajc.com",)),
    "The Des Moines Register": ("media", ("Des Moines Register",), ("desmoinesregister.com",)),
    "Detroit Free Press": ("media", ("Detroit Free Press",), ("freep.com",)),
    "Newsday": ("media", ("Newsday",), ("newsday.com",)),
    # US magazines and online outlets
    "Politico": ("media", ("Politico", "POLITICO", "Politico Magazine", "POLITICO Magazine"), ("politico.com", "politico.eu")),
    "The Hill": ("media", ("The Hill",), ("thehill.com",)),
    "Axios": ("media", ("Axios",), ("axios.com",)),
    "Vox": ("media", ("Vox", "Vox.com"), ("vox.com",)),
    "BuzzFeed News": ("media", ("BuzzFeed News", "BuzzFeed", "Buzzfeed"), ("buzzfeednews.com", "buzzfeed.com")),
    "HuffPost": ("media", ("HuffPost", "Huffington Post", "The Huffington Post", "HuffPo"), ("huffpost.com", "huffingtonpost.com")),
    "Breitbart": ("media", ("Breitbart", "Breitbart News", "Breitbart News Network"), ("breitbart.com",)),
    "The Daily Caller": ("media", ("Daily Caller", "The Daily Caller", "TheDC", "Daily Caller News Foundation",
                                   "The Daily Caller News Foundation", "TheDCNF", "DCNF"), ("dailycaller.com",)),
    "WND": ("media", ("WND", "WorldNetDaily", "WND.com"), ("wnd.com",)),
    "FrontPage Magazine": ("media", ("FrontPage Magazine", "Frontpage Magazine", "FrontPage Mag", "FrontPageMag"),
                           ("frontpagemag.com",)),
    "The Daily Beast": ("media", ("Daily Beast", "The Daily Beast"), ("thedailybeast.com",)),
    "The Federalist": ("media", ("The Federalist",), ("thefederalist.com",)),
    "National Review": ("media", ("National Review", "National Review Online"), ("nationalreview.com",)),
    "The Weekly Standard": ("media", ("Weekly Standard", "The Weekly Standard"), ("weeklystandard.com",)),
    "Washington Free Beacon": ("media", ("Washington Free Beacon", "Free Beacon"), ("freebeacon.com",)),
    "The Blaze": ("media", ("The Blaze", "TheBlaze"), ("theblaze.com",)),
    "Western Journal": ("media", ("Western Journal", "Western Journalism", "The Western Journal", "WestJournal"), ("westernjournal.com", "westernjournalism.com")),
    "Drudge Report": ("media", ("Drudge Report", "The Drudge Report"), ("drudgereport.com",)),
    "Infowars": ("media", ("Infowars", "InfoWars"), ("infowars.com",)),
    "The Gateway Pundit": ("media", ("Gateway Pundit", "The Gateway Pundit"), ("thegatewaypundit.com",)),
    "Townhall": ("media", ("Townhall", "Townhall.com"), ("townhall.com",)),
    "RealClearPolitics": ("media", ("RealClearPolitics", "Real Clear Politics", "RCP"), ("realclearpolitics.com",)),
    "FiveThirtyEight": ("media", ("FiveThirtyEight", "538"), ("fivethirtyeight.com",)),
    "Slate": ("media", ("Slate",), ("slate.com",)),
    "Salon": ("media", ("Salon", "Salon.com"), ("salon.com",)),
    "Mother Jones": ("media", ("Mother Jones",), ("motherjones.com",)),
    "The Intercept": ("media", ("The Intercept",), ("theintercept.com",)),
    "ProPublica": ("media", ("ProPublica",), ("propublica.org",)),
    "Talking Points Memo": ("media", ("Talking Points Memo", "TPM"), ("talkingpointsmemo.com",)),
    "Mediaite": ("media", ("Mediaite",), ("mediaite.com",)),
    "Daily Kos": ("media", ("Daily Kos",), ("dailykos.com",)),
    "Business Insider": ("media", ("Business Insider",), ("businessinsider.com", "insider.com")),
    "Yahoo News": ("media", ("Yahoo News", "Yahoo! News", "Yahoo Finance"), ("news.yahoo.com", "finance.yahoo.com")),
    "Vice News": ("media", ("Vice News", "VICE News"), ("vice.com",)),
    "The Atlantic": ("media", ("The Atlantic",), ("theatlantic.com",)),
    "The New Yorker": ("media", ("New Yorker", "The New Yorker"), ("newyorker.com",)),
    "Newsweek": ("media", ("Newsweek",), ("newsweek.com",)),
    "Time": ("media", ("Time magazine", "TIME magazine", "Time Magazine", "TIME"), ("time.com",)),
    "Vanity Fair": ("media", ("Vanity Fair",), ("vanityfair.com",)),
    "Rolling Stone": ("media", ("Rolling Stone",), ("rollingstone.com",)),
    "Forbes": ("media", ("Forbes",), ("forbes.com",)),
    "Fortune": ("media", ("Fortune magazine",), ("fortune.com",)),
    "The Nation": ("media", ("The Nation",), ("thenation.com",)),
    "The New Republic": ("media", ("New Republic", "The New Republic"), ("newrepublic.com",)),
    "Reason": ("media", ("Reason magazine",), ("reason.com",)),
    # undercover journalism ("a new undercover video from Project Veritas", "the latest Project Veritas sting")
    "Project Veritas": ("media", ("Project Veritas",), ("projectveritas.com",)),
    # names that are common words elsewhere ("people", "variety", "wired") are listed only in
    # forms that are the outlet's ("People magazine"); a bare name still needs a cue
    "Gizmodo": ("media", ("Gizmodo",), ("gizmodo.com",)),
    "Jezebel": ("media", ("Jezebel",), ("jezebel.com",)),
    "Deadspin": ("media", ("Deadspin",), ("deadspin.com",)),
    "Kotaku": ("media", ("Kotaku",), ("kotaku.com",)),
    "The Verge": ("media", ("The Verge",), ("theverge.com",)),
    "TechCrunch": ("media", ("TechCrunch",), ("techcrunch.com",)),
    "Wired": ("media", ("Wired magazine", "WIRED"), ("wired.com",)),
    "Ars Technica": ("media", ("Ars Technica",), ("arstechnica.com",)),
    "Engadget": ("media", ("Engadget",), ("engadget.com",)),
    "Mashable": ("media", ("Mashable",), ("mashable.com",)),
    "Recode": ("media", ("Recode",), ("recode.net",)),
    "Quartz": ("media", ("Quartz",), ("qz.com",)),
    "Semafor": ("media", ("Semafor",), ("semafor.com",)),
    "The Daily Wire": ("media", ("Daily Wire", "The Daily Wire"), ("dailywire.com",)),
    "The Daily Signal": ("media", ("Daily Signal", "The Daily Signal"), ("dailysignal.com",)),
    "PJ Media": ("media", ("PJ Media",), ("pjmedia.com",)),
    "Hot Air": ("media", ("Hot Air", "HotAir"), ("hotair.com",)),
    "RedState": ("media", ("RedState",), ("redstate.com",)),
    "Twitchy": ("media", ("Twitchy",), ("twitchy.com",)),
    "Raw Story": ("media", ("Raw Story", "RawStory"), ("rawstory.com",)),
    "Common Dreams": ("media", ("Common Dreams",), ("commondreams.org",)),
    "Truthout": ("media", ("Truthout",), ("truthout.org",)),
    "AlterNet": ("media", ("AlterNet", "Alternet"), ("alternet.org",)),
    "Democracy Now!": ("media", ("Democracy Now!", "Democracy Now"), ("democracynow.org",)),
    "The Young Turks": ("media", ("The Young Turks", "TYT"), ("tyt.com",)),
    "NewsBusters": ("media", ("NewsBusters",), ("newsbusters.org",)),
    "Zero Hedge": ("media", ("Zero Hedge", "ZeroHedge"), ("zerohedge.com",)),
    "The Epoch Times": ("media", ("Epoch Times", "The Epoch Times"), ("theepochtimes.com",)),
    # sites whose pieces PTC's articles repost with a credit ("Article posted with permission
    # from …", "–SHTFplan", "This article was originally published by … at …"), and
    # Catholic and alternative news sites cited there
    "SHTFplan": ("media", ("SHTFplan", "SHTFPlan", "SHTF Plan"), ("shtfplan.com",)),
    "The Free Thought Project": ("media", ("The Free Thought Project", "Free Thought Project", "TFTP"),
                                 ("thefreethoughtproject.com",)),
    "The American Mirror": ("media", ("The American Mirror", "American Mirror"), ("theamericanmirror.com",)),
    "The Washington Standard": ("media", ("The Washington Standard", "Washington Standard"),
                                ("thewashingtonstandard.com",)),
    "Sons of Liberty Media": ("media", ("Sons of Liberty Media", "Sons Of Liberty Media"), ("sonsoflibertymedia.com",)),
    "Constitution.com": ("media", ("Constitution.com",), ("constitution.com",)),
    "Intellihub": ("media", ("Intellihub",), ("intellihub.com",)),
    "The Duran": ("media", ("The Duran",), ("theduran.com",)),
    "Jihad Watch": ("media", ("Jihad Watch",), ("jihadwatch.org",)),
    "Heavy": ("media", ("Heavy.com", "Heavy"), ("heavy.com",)),
    "kath.net": ("media", ("kath.net", "Kath.net"), ("kath.net",)),
    "OnePeterFive": ("media", ("OnePeterFive", "One Peter Five", "1P5"), ("onepeterfive.com",)),
    "LifeSiteNews": ("media", ("LifeSiteNews", "LifeSite News", "LifeSite"), ("lifesitenews.com",)),
    "Catholic News Agency": ("media", ("Catholic News Agency",), ("catholicnewsagency.com",)),
    "National Catholic Register": ("media", ("National Catholic Register",), ("ncregister.com",)),
    "The Christian Post": ("media", ("Christian Post", "The Christian Post"), ("christianpost.com",)),
    "Christianity Today": ("media", ("Christianity Today",), ("christianitytoday.com",)),
    "CBN News": ("media", ("CBN News", "CBN", "Christian Broadcasting Network"), ("cbn.com",)),
    "JTA": ("media", ("JTA", "Jewish Telegraphic Agency"), ("jta.org",)),
    "Foreign Policy": ("media", ("Foreign Policy",), ("foreignpolicy.com",)),
    "Defense One": ("media", ("Defense One",), ("defenseone.com",)),
    "Military Times": ("media", ("Military Times",), ("militarytimes.com",)),
    "Stars and Stripes": ("media", ("Stars and Stripes",), ("stripes.com",)),
    "Lawfare": ("media", ("Lawfare",), ("lawfareblog.com", "lawfaremedia.org")),
    "Roll Call": ("media", ("Roll Call",), ("rollcall.com",)),
    "The Cook Political Report": ("media", ("Cook Political Report", "The Cook Political Report"), ("cookpolitical.com",)),
    "Bustle": ("media", ("Bustle",), ("bustle.com",)),
    "Refinery29": ("media", ("Refinery29",), ("refinery29.com",)),
    "TheGrio": ("media", ("TheGrio", "theGrio"), ("thegrio.com",)),
    "TMZ": ("media", ("TMZ",), ("tmz.com",)),
    "Page Six": ("media", ("Page Six",), ("pagesix.com",)),
    "People magazine": ("media", ("People Magazine",), ("people.com",)),
    "Us Weekly": ("media", ("Us Weekly",), ("usmagazine.com",)),
    "E! News": ("media", ("E! News", "E! Online"), ("eonline.com",)),
    "Entertainment Weekly": ("media", ("Entertainment Weekly",), ("ew.com",)),
    "Entertainment Tonight": ("media", ("Entertainment Tonight",), ("etonline.com",)),
    "Access Hollywood": ("media", ("Access Hollywood",), ("accessonline.com",)),
    "Variety": ("media", ("Variety",), ("variety.com",)),
    "The Hollywood Reporter": ("media", ("Hollywood Reporter", "The Hollywood Reporter"), ("hollywoodreporter.com",)),
    "Deadline Hollywood": ("media", (), ("deadline.com",)),
    "TheWrap": ("media", ("TheWrap", "The Wrap"), ("thewrap.com",)),
    "Billboard": ("media", ("Billboard",), ("billboard.com",)),
    "Pitchfork": ("media", ("Pitchfork",), ("pitchfork.com",)),
    "MarketWatch": ("media", ("MarketWatch",), ("marketwatch.com",)),
    "Barron's": ("media", ("Barron's", "Barron’s"), ("barrons.com",)),
    "Fast Company": ("media", ("Fast Company",), ("fastcompany.com",)),
    "TheStreet": ("media", ("TheStreet", "TheStreet.com"), ("thestreet.com",)),
    "Seeking Alpha": ("media", ("Seeking Alpha",), ("seekingalpha.com",)),
    "Scientific American": ("media", ("Scientific American",), ("scientificamerican.com",)),
    "New Scientist": ("media", ("New Scientist",), ("newscientist.com",)),
    "Live Science": ("media", ("Live Science", "LiveScience"), ("livescience.com",)),
    "National Geographic": ("media", ("National Geographic",), ("nationalgeographic.com",)),
    "Seeker": ("media", ("Seeker",), ("seeker.com",)),
    "The Blast": ("media", ("The Blast",), ("theblast.com",)),
    "The Oregonian": ("media", ("The Oregonian", "Oregonian"), ("oregonlive.com",)),
    "The Arizona Republic": ("media", ("Arizona Republic", "The Arizona Republic"), ("azcentral.com",)),
    "The Tennessean": ("media", ("The Tennessean", "Tennessean"), ("tennessean.com",)),
    "The Plain Dealer": ("media", ("Plain Dealer", "The Plain Dealer"), ("cleveland.com",)),
    "Las Vegas Review-Journal": ("media", ("Las Vegas Review-Journal", "Review-Journal"), ("reviewjournal.com",)),
    "Voice of America": ("media", ("Voice of America", "VOA"), ("voanews.com",)),
    "Radio Free Europe/Radio Liberty": ("media", ("Radio Free Europe/Radio Liberty", "Radio Free Europe", "RFE/RL",
                                                  "Radio Liberty"), ("rferl.org",)),
    "Radio Free Asia": ("media", ("Radio Free Asia",), ("rfa.org",)),
    "PolitiFact": ("media", ("PolitiFact", "Politifact"), ("politifact.com",)),
    "FactCheck.org": ("media", ("FactCheck.org", "Factcheck.org"), ("factcheck.org",)),
    # UK and Europe
    "BBC": ("media", ("BBC", "BBC News", "British Broadcasting Corporation", "BBC World Service",
                      # its channels and stations ("told BBC One's Breakfast with Frost")
                      "BBC One", "BBC1", "BBC Two", "BBC2", "BBC Radio 4", "BBC Radio Four", "Radio 4",
                      "Radio Four", "BBC Radio 5 Live", "Radio 5 Live", "BBC Radio 2", "BBC World",
                      "BBC Scotland", "BBC Wales", "BBC Breakfast"), ("bbc.co.uk", "bbc.com")),
    "The Guardian": ("media", ("The Guardian", "Guardian"), ("theguardian.com", "guardian.co.uk")),
    "The Times": ("media", ("The Times of London", "Times of London", "London Times", "The Times (London)"), ("thetimes.co.uk",)),
    "The Sunday Times": ("media", ("Sunday Times", "The Sunday Times"), ()),
    "The Daily Telegraph": ("media", ("Daily Telegraph", "The Telegraph", "The Daily Telegraph"), ("telegraph.co.uk",)),
    "Financial Times": ("media", ("Financial Times", "FT"), ("ft.com",)),
    "The Economist": ("media", ("The Economist", "Economist"), ("economist.com",)),
    "Daily Mail": ("media", ("Daily Mail", "MailOnline", "Mail Online", "The Daily Mail"), ("dailymail.co.uk",)),
    "The Sun": ("media", ("The Sun",), ("thesun.co.uk",)),
    "Daily Mirror": ("media", ("Daily Mirror", "The Mirror"), ("mirror.co.uk",)),
    "Daily Express": ("media", ("Daily Express",), ("express.co.uk",)),
    "The Independent": ("media", ("UK Independent", "Independent", "The Independent"), ("independent.co.uk",)),
    # Sunday titles are papers of their own: "a poll for the Independent on Sunday" is not The Independent
    "The Independent on Sunday": ("media", ("Independent on Sunday", "The Independent on Sunday"), ()),
    "The Mail on Sunday": ("media", ("Mail on Sunday", "The Mail on Sunday"), ()),
    "The Sunday Telegraph": ("media", ("Sunday Telegraph", "The Sunday Telegraph"), ()),
    "Sunday Mirror": ("media", ("Sunday Mirror", "The Sunday Mirror"), ()),
    "Sunday Express": ("media", ("Sunday Express", "The Sunday Express"), ()),
    "The Observer": ("media", ("The Observer", "Observer"), ()),
    "GMTV": ("media", ("GMTV",), ()),
    "Times Higher Education": ("media", ("Times Higher Education Supplement", "Times Higher Education", "THES"),
                               ("timeshighereducation.com",)),
    "Catholic Herald": ("media", ("Catholic Herald", "The Catholic Herald"), ("catholicherald.co.uk",)),
    "New Statesman": ("media", ("New Statesman", "The New Statesman"), ("newstatesman.com",)),
    "The Spectator": ("media", ("The Spectator", "Spectator magazine"), ("spectator.co.uk",)),
    "Evening Standard": ("media", ("Evening Standard", "London Evening Standard"), ("standard.co.uk",)),
    "Sky News": ("media", ("Sky News",), ("news.sky.com",)),
    "ITV News": ("media", ("ITV News", "ITV"), ("itv.com",)),
    "Channel 4 News": ("media", ("Channel 4 News",), ("channel4.com",)),
    "Der Spiegel": ("media", ("Der Spiegel", "Spiegel", "Spiegel Online"), ("spiegel.de",)),
    "Bild": ("media", ("Bild", "Bild-Zeitung"), ("bild.de",)),
    "Deutsche Welle": ("media", ("Deutsche Welle", "DW"), ("dw.com",)),
    "Le Monde": ("media", ("Le Monde",), ("lemonde.fr",)),
    "Le Figaro": ("media", ("Le Figaro",), ("lefigaro.fr",)),
    "France 24": ("media", ("France 24",), ("france24.com",)),
    "Euronews": ("media", ("Euronews",), ("euronews.com",)),
    "El País": ("media", ("El País", "El Pais"), ("elpais.com",)),
    "Corriere della Sera": ("media", ("Corriere della Sera",), ("corriere.it",)),
    "The Scotsman": ("media", ("The Scotsman", "Scotsman"), ("scotsman.com",)),
    "RTÉ": ("media", ("RTÉ", "RTE", "RTÉ News", "RTE News"), ("rte.ie",)),
    "LBC": ("media", ("LBC",), ("lbc.co.uk",)),
    "GB News": ("media", ("GB News",), ("gbnews.com", "gbnews.uk")),
    "Channel 5": ("media", ("Channel 5", "Channel 5 News"), ("channel5.com",)),
    "Private Eye": ("media", ("Private Eye",), ("private-eye.co.uk",)),
    "PoliticsHome": ("media", ("PoliticsHome",), ("politicshome.com",)),
    "ConservativeHome": ("media", ("ConservativeHome",), ("conservativehome.com",)),
    "openDemocracy": ("media", ("openDemocracy",), ("opendemocracy.net",)),
    "PA Media": ("media", ("Press Association", "PA Media", "PA news agency"), ("pamediagroup.com",)),
    "Le Parisien": ("media", ("Le Parisien",), ("leparisien.fr",)),
    "Libération": ("media", ("Libération",), ("liberation.fr",)),
    "20 Minutes": ("media", ("20 Minutes", "20 Minuten", "20minutes"), ("20minutes.fr", "20min.ch")),
    "Die Welt": ("media", ("Die Welt", "Welt am Sonntag"), ("welt.de",)),
    "Süddeutsche Zeitung": ("media", ("Süddeutsche Zeitung", "Sueddeutsche Zeitung"), ("sueddeutsche.de",)),
    "Frankfurter Allgemeine Zeitung": ("media", ("Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeine", "FAZ"),
                                       ("faz.net",)),
    "Die Zeit": ("media", ("Die Zeit", "Zeit Online"), ("zeit.de",)),
    "Die Tagespost": ("media", ("Die Tagespost", "Tagespost"), ("die-tagespost.de",)),
    "ZDF": ("media", ("ZDF",), ("zdf.de",)),
    "ARD": ("media", ("ARD", "Tagesschau"), ("tagesschau.de", "ard.de")),
    "ANSA": ("media", ("ANSA",), ("ansa.it",)),
    "La Repubblica": ("media", ("La Repubblica",), ("repubblica.it",)),
    "La Stampa": ("media", ("La Stampa",), ("lastampa.it",)),
    "El Mundo": ("media", ("El Mundo",), ("elmundo.es",)),
    "De Telegraaf": ("media", ("De Telegraaf",), ("telegraaf.nl",)),
    "Politiken": ("media", ("Politiken",), ("politiken.dk",)),
    "Ekstra Bladet": ("media", ("Ekstra Bladet",), ("ekstrabladet.dk",)),
    "Aftonbladet": ("media", ("Aftonbladet",), ("aftonbladet.se",)),
    "Expressen": ("media", ("Expressen",), ("expressen.se",)),
    "Dagens Nyheter": ("media", ("Dagens Nyheter",), ("dn.se",)),
    "SVT": ("media", ("SVT", "Sveriges Television"), ("svt.se",)),
    "NRK": ("media", ("NRK",), ("nrk.no",)),
    "Yle": ("media", ("Yle",), ("yle.fi",)),
    "Kathimerini": ("media", ("Kathimerini", "Ekathimerini"), ("ekathimerini.com", "kathimerini.gr")),
    "Hürriyet": ("media", ("Hürriyet", "Hurriyet", "Hürriyet Daily News", "Hurriyet Daily News"), ("hurriyet.com.tr", "hurriyetdailynews.com")),
    "Daily Sabah": ("media", ("Daily Sabah",), ("dailysabah.com",)),
    "TRT World": ("media", ("TRT World", "TRT"), ("trtworld.com",)),
    "Kommersant": ("media", ("Kommersant",), ("kommersant.ru",)),
    "Izvestia": ("media", ("Izvestia",), ("iz.ru",)),
    "Novaya Gazeta": ("media", ("Novaya Gazeta",), ("novayagazeta.ru",)),
    "Meduza": ("media", ("Meduza",), ("meduza.io",)),
    "Ukrainska Pravda": ("media", ("Ukrainska Pravda",), ("pravda.com.ua",)),
    "The Kyiv Independent": ("media", ("Kyiv Independent", "The Kyiv Independent"), ("kyivindependent.com",)),
    # elsewhere
    "Al Jazeera": ("media", ("Al Jazeera", "Al-Jazeera", "Aljazeera"), ("aljazeera.com", "aljazeera.net")),
    "Al Arabiya": ("media", ("Al Arabiya", "Al-Arabiya"), ("alarabiya.net",)),
    "RT": ("media", ("RT", "Russia Today"), ("rt.com",)),
    "Sputnik": ("media", ("Sputnik", "Sputnik News"), ("sputniknews.com",)),
    "CGTN": ("media", ("CGTN", "China Global Television Network"), ("cgtn.com",)),
    "Global Times": ("media", ("Global Times",), ("globaltimes.cn",)),
    "Press TV": ("media", ("Press TV", "PressTV"), ("presstv.ir", "presstv.com")),
    "Haaretz": ("media", ("Haaretz",), ("haaretz.com",)),
    "The Times of Israel": ("media", ("Times of Israel", "The Times of Israel"), ("timesofisrael.com",)),
    "The Jerusalem Post": ("media", ("Jerusalem Post", "The Jerusalem Post"), ("jpost.com",)),
    "The Times of India": ("media", ("Times of India", "The Times of India"), ("timesofindia.indiatimes.com",)),
    "Hindustan Times": ("media", ("Hindustan Times",), ("hindustantimes.com",)),
    "The Hindu": ("media", ("The Hindu",), ("thehindu.com",)),
    "South China Morning Post": ("media", ("South China Morning Post", "SCMP"), ("scmp.com",)),
    "The Sydney Morning Herald": ("media", ("Sydney Morning Herald",), ("smh.com.au",)),
    "ABC Australia": ("media", ("Australian Broadcasting Corporation", "ABC Australia"), ("abc.net.au",)),
    "CBC News": ("media", ("CBC", "CBC News"), ("cbc.ca",)),
    "The Globe and Mail": ("media", ("Globe and Mail", "The Globe and Mail"), ("theglobeandmail.com",)),
    "Toronto Star": ("media", ("Toronto Star",), ("thestar.com",)),
    "The New Zealand Herald": ("media", ("New Zealand Herald", "NZ Herald"), ("nzherald.co.nz",)),
    "Al-Monitor": ("media", ("Al-Monitor", "Al Monitor"), ("al-monitor.com",)),
    "Middle East Eye": ("media", ("Middle East Eye",), ("middleeasteye.net",)),
    "Asharq Al-Awsat": ("media", ("Asharq Al-Awsat", "Asharq al-Awsat"), ("aawsat.com",)),
    "Al-Ahram": ("media", ("Al-Ahram", "Al Ahram", "Ahram Online"), ("ahram.org.eg",)),
    "NDTV": ("media", ("NDTV",), ("ndtv.com",)),
    "India Today": ("media", ("India Today",), ("indiatoday.in",)),
    "The Indian Express": ("media", ("Indian Express", "The Indian Express"), ("indianexpress.com",)),
    "Nikkei": ("media", ("Nikkei", "Nikkei Asian Review", "Nikkei Asia"), ("nikkei.com", "asia.nikkei.com")),
    "The Japan Times": ("media", ("Japan Times", "The Japan Times"), ("japantimes.co.jp",)),
    "NHK": ("media", ("NHK",), ("nhk.or.jp",)),
    "Asahi Shimbun": ("media", ("Asahi Shimbun", "The Asahi Shimbun", "Asahi"), ("asahi.com",)),
    "Yomiuri Shimbun": ("media", ("Yomiuri Shimbun", "The Yomiuri Shimbun", "Yomiuri"), ("yomiuri.co.jp",)),
    "Chosun Ilbo": ("media", ("Chosun Ilbo", "The Chosun Ilbo"), ("chosun.com",)),
    "The Straits Times": ("media", ("Straits Times", "The Straits Times"), ("straitstimes.com",)),
    "Rappler": ("media", ("Rappler",), ("rappler.com",)),
    "Caixin": ("media", ("Caixin",), ("caixinglobal.com", "caixin.com")),
    "People's Daily": ("media", ("People's Daily", "People’s Daily"), ("people.com.cn",)),
    "Mail & Guardian": ("media", ("Mail & Guardian",), ("mg.co.za",)),
    "News24": ("media", ("News24",), ("news24.com",)),
    "Daily Maverick": ("media", ("Daily Maverick",), ("dailymaverick.co.za",)),
    "Premium Times": ("media", ("Premium Times",), ("premiumtimesng.com",)),
    "Nine News": ("media", ("Nine News", "9News", "9 News", "9 News Australia"), ("9news.com.au",)),
    "SBS News": ("media", ("SBS News", "SBS"), ("sbs.com.au",)),
    "RNZ": ("media", ("RNZ", "Radio New Zealand"), ("rnz.co.nz",)),
    "CTV News": ("media", ("CTV News", "CTV"), ("ctvnews.ca",)),
    "Maclean's": ("media", ("Maclean's", "Maclean’s"), ("macleans.ca",)),
    "The Canadian Press": ("media", ("Canadian Press", "The Canadian Press"), ("thecanadianpress.com",)),
    "Wikinews": ("media", ("Wikinews",), ("wikinews.org",)),
    # platforms
    "Twitter": ("platform", ("Twitter", "X", "twitter"), ("twitter.com", "x.com")),
    "Telegram": ("platform", ("Telegram",), ("t.me", "telegram.org", "telegram.me")),
    "Facebook": ("platform", ("Facebook",), ("facebook.com", "fb.com")),
    "Instagram": ("platform", ("Instagram",), ("instagram.com",)),
    "YouTube": ("platform", ("YouTube", "Youtube"), ("youtube.com", "youtu.be")),
    "TikTok": ("platform", ("TikTok", "Tiktok"), ("tiktok.com",)),
    "Reddit": ("platform", ("Reddit",), ("reddit.com",)),
    "WhatsApp": ("platform", ("WhatsApp", "Whatsapp"), ("whatsapp.com",)),
    "Snapchat": ("platform", ("Snapchat",), ("snapchat.com",)),
    "LinkedIn": ("platform", ("LinkedIn",), ("linkedin.com",)),
    "Truth Social": ("platform", ("Truth Social",), ("truthsocial.com",)),
    "Gab": ("platform", ("Gab",), ("gab.com",)),
    "Parler": ("platform", ("Parler",), ("parler.com",)),
    "Weibo": ("platform", ("Weibo", "Sina Weibo"), ("weibo.com",)),
    "WeChat": ("platform", ("WeChat",), ("wechat.com",)),
    "VK": ("platform", ("VKontakte", "VK"), ("vk.com",)),
    "Rumble": ("platform", ("Rumble",), ("rumble.com",)),
    "Threads": ("platform", ("Threads",), ("threads.net",)),
    "Bluesky": ("platform", ("Bluesky",), ("bsky.app",)),
    "Mastodon": ("platform", ("Mastodon",), ()),
    "Substack": ("platform", ("Substack",), ("substack.com",)),
    "Medium": ("platform", ("Medium",), ("medium.com",)),
}

# Names that are also common words or other things ("Time", "X", "Medium", "The Sun"):
# citation extraction accepts them only with a cue that fits the kind of outlet.
AMBIGUOUS_NAMES = frozenset(
    {"X", "TIME", "Fox", "Slate", "Salon", "Medium", "Threads", "Gab", "Rumble", "Reason",
     "The Sun", "The Nation", "The Hill", "The Observer", "Observer", "RIA", "538", "DW", "FT", "RCP",
     "Guardian", "Economist", "Bild", "Anadolu", "Kyodo", "TPM", "Independent", "ABC",
     "dpa", "EFE", "PTI", "twitter", "The Blaze", "The Atlantic", "Vox", "Axios", "Bloomberg", "Heavy",
     "1P5"}
)

OUTLETS_DATA = Path(__file__).resolve().parent / "extract" / "data" / "outlets.tsv"


def _read_outlets_data(path: Path = OUTLETS_DATA) -> tuple[dict, set]:
    """More outlets, kept as data (``extract/data/outlets.tsv``: sports desks and networks,
    regional papers), with the names among them that are also other things."""
    table, ambiguous = {}, set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, aliases, domains, unclear = line.split("\t")
        table[name] = (kind, tuple(a.strip() for a in aliases.split(" | ") if a.strip()), tuple(domains.split()))
        ambiguous |= {a.strip() for a in unclear.split(" | ") if a.strip()}
    return table, ambiguous


_MORE, _MORE_AMBIGUOUS = _read_outlets_data()
if set(_MORE) & set(OUTLETS):
    raise ValueError(f"outlets.tsv repeats outlets.py: {sorted(set(_MORE) & set(OUTLETS))}")
OUTLETS.update(_MORE)
AMBIGUOUS_NAMES = AMBIGUOUS_NAMES | _MORE_AMBIGUOUS

_BY_DOMAIN = {d: name for name, (_, _, domains) in OUTLETS.items() for d in domains}
_BY_ALIAS = {
    alias.casefold(): name for name, (_, aliases, _) in OUTLETS.items() for alias in aliases + (name,)
}
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def canonical_outlet(name: str) -> str | None:
    """The canonical name of an outlet as written in text, or None if unknown.

    >>> canonical_outlet("the UK Independent")
    'The Independent'
    >>> canonical_outlet("CNN's")
    'CNN'
    """
    cleaned = _POSSESSIVE.sub("", " ".join(name.split()))
    key = _LEADING_THE.sub("", cleaned).casefold()
    return _BY_ALIAS.get(key) or _BY_ALIAS.get("the " + key)


def outlet_from_url(url: str) -> str | None:
    """The outlet of a URL: its canonical name when known, else its registered domain.

    >>> outlet_from_url("https://www.nytimes.com/2019/03/20/world/isis.html")
    'The New York Times'
    >>> outlet_from_url("https://news.bbc.co.uk/x"), outlet_from_url("http://192.168.0.1/a")
    ('BBC', '192.168.0.1')
    """
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        known = _BY_DOMAIN.get(".".join(parts[i:]))
        if known:
            return known
    # the registered domain by the Public Suffix List (tld ships a copy of it; courlan, of
    # trafilatura, already depends on it), so that "en.", "edition." or "m." of one site
    # make one outlet, while "a.blogspot.com" and "b.blogspot.com" stay two
    registered = get_fld(host, fix_protocol=True, fail_silently=True)
    if registered:
        return registered
    if parts[0] == "www":
        parts = parts[1:]
    return ".".join(parts) or None


def outlet_kind(name: str) -> str:
    """'media' or 'platform' for a canonical name; unknown outlets are media.

    >>> outlet_kind("Telegram")
    'platform'
    """
    entry = OUTLETS.get(name)
    return entry[0] if entry else "media"


def outlet_aliases() -> dict[str, str]:
    """Every name an outlet goes by in running text (case as written) -> its canonical name.

    "The Times" is left out: in text it is as often the New York or Los Angeles Times.
    """
    return {
        alias: name
        for name, (_, aliases, _) in OUTLETS.items()
        for alias in aliases + (name,)
        if alias not in _SHORT_FORMS
    }


_SHORT_FORMS = frozenset({"The Times"})
