#!/usr/bin/env python
"""Regenerate ``resume_nlp/resources/gazetteers/institutions.tsv``.

Sources (both MIT licensed; see ``resume_nlp/resources/README.md``):

* ``../shared/data/cn_universities/cn_universities_zh_en.csv`` -- 2,998 Chinese institutions
  (MoE list + HK/Macau/Taiwan). English is ``official=yes`` only for ``en_wikipedia_list``
  rows; ``llm_gemini_unverified`` English is written with ``official=no`` and the library
  keeps it as a hint that is never output nor matched.
* ``../shared/data/world_universities/world_universities_and_domains.json`` -- Hipo's
  university-domains-list (10,251 rows: name, country, domains; no Chinese).
* ``CURATED`` below: well-known Chinese universities and CAS institutes with their
  abbreviations (北大, PKU, 哈工大, HIT ...), Taiwan's national universities (Traditional
  forms as aliases), and world universities with their usual Chinese names.

Merging: a curated row absorbs the Chinese row with the same Chinese name and every Hipo
row whose name equals one of its names; a Chinese row absorbs the Hipo rows (CN/HK/MO/TW)
with its official English name. Domains are unioned. Order of the output = priority on
ties: curated, Chinese (official first), world.

Companies and locations are curated by hand in their TSV files; this script leaves them.

Usage: ``python scripts/build_gazetteers.py [--shared ../shared/data] [--check]``
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resume_nlp" / "resources" / "gazetteers" / "institutions.tsv"

# id  en  zh  aliases  country  city  domains      (aliases "|"-separated; "=alias" = lookup only)
CURATED = """
pku	Peking University	北京大学	北大|PKU|=Beijing University|=Peking Univ.	CN	Beijing	pku.edu.cn|stu.pku.edu.cn
thu	Tsinghua University	清华大学	清华|THU|=Tsinghua|=Qinghua University|=Tsinghua Univ.	CN	Beijing	tsinghua.edu.cn|mails.tsinghua.edu.cn
zju	Zhejiang University	浙江大学	浙大|ZJU	CN	Hangzhou	zju.edu.cn
ustc	University of Science and Technology of China	中国科学技术大学	中科大|中国科大|USTC	CN	Hefei	ustc.edu.cn|mail.ustc.edu.cn
hit	Harbin Institute of Technology	哈尔滨工业大学	哈工大|HIT|Harbin Institute of Technology, Shenzhen|哈尔滨工业大学(深圳)|哈尔滨工业大学(威海)	CN	Harbin	hit.edu.cn|stu.hit.edu.cn
sjtu	Shanghai Jiao Tong University	上海交通大学	上海交大|=上交|SJTU|Shanghai Jiaotong University	CN	Shanghai	sjtu.edu.cn
fdu	Fudan University	复旦大学	复旦|FDU	CN	Shanghai	fudan.edu.cn|m.fudan.edu.cn
nju	Nanjing University	南京大学	南大|NJU	CN	Nanjing	nju.edu.cn|smail.nju.edu.cn
buaa	Beihang University	北京航空航天大学	北航|BUAA|Beijing University of Aeronautics and Astronautics	CN	Beijing	buaa.edu.cn
ruc	Renmin University of China	中国人民大学	=人大|RUC|=Renmin University	CN	Beijing	ruc.edu.cn
bnu	Beijing Normal University	北京师范大学	北师大|BNU	CN	Beijing	bnu.edu.cn|mail.bnu.edu.cn
bit	Beijing Institute of Technology	北京理工大学	北理工|北理|BIT	CN	Beijing	bit.edu.cn
bupt	Beijing University of Posts and Telecommunications	北京邮电大学	北邮|BUPT	CN	Beijing	bupt.edu.cn|bupt.cn
nku	Nankai University	南开大学	南开|NKU	CN	Tianjin	nankai.edu.cn|mail.nankai.edu.cn
tju	Tianjin University	天津大学	=天大|TJU	CN	Tianjin	tju.edu.cn
xjtu	Xi'an Jiaotong University	西安交通大学	西安交大|西交大|XJTU|Xian Jiaotong University	CN	Xi'an	xjtu.edu.cn|stu.xjtu.edu.cn
whu	Wuhan University	武汉大学	武大|WHU	CN	Wuhan	whu.edu.cn
hust	Huazhong University of Science and Technology	华中科技大学	华科|华中科大|HUST	CN	Wuhan	hust.edu.cn
sysu	Sun Yat-sen University	中山大学	SYSU|Sun Yat-Sen University	CN	Guangzhou	sysu.edu.cn|mail2.sysu.edu.cn
scut	South China University of Technology	华南理工大学	华工|SCUT	CN	Guangzhou	scut.edu.cn|mail.scut.edu.cn
seu	Southeast University	东南大学	SEU	CN	Nanjing	seu.edu.cn
tongji	Tongji University	同济大学	同济|=Tongji	CN	Shanghai	tongji.edu.cn
xmu	Xiamen University	厦门大学	厦大|XMU	CN	Xiamen	xmu.edu.cn|stu.xmu.edu.cn
sdu	Shandong University	山东大学	山大|SDU	CN	Jinan	sdu.edu.cn|mail.sdu.edu.cn
uestc	University of Electronic Science and Technology of China	电子科技大学	电子科大|成电|UESTC	CN	Chengdu	uestc.edu.cn|std.uestc.edu.cn
xidian	Xidian University	西安电子科技大学	西电|=Xidian	CN	Xi'an	xidian.edu.cn|stu.xidian.edu.cn
nwpu	Northwestern Polytechnical University	西北工业大学	西工大|NWPU|NPU	CN	Xi'an	nwpu.edu.cn|mail.nwpu.edu.cn
csu	Central South University	中南大学	=CSU	CN	Changsha	csu.edu.cn
hnu	Hunan University	湖南大学	HNU	CN	Changsha	hnu.edu.cn
scu	Sichuan University	四川大学	川大|SCU	CN	Chengdu	scu.edu.cn|stu.scu.edu.cn
cqu	Chongqing University	重庆大学	=重大|CQU	CN	Chongqing	cqu.edu.cn
dlut	Dalian University of Technology	大连理工大学	大工|DUT|DLUT	CN	Dalian	dlut.edu.cn|mail.dlut.edu.cn
neu	Northeastern University (China)	东北大学	=东大|NEU|=Northeastern University, China	CN	Shenyang	neu.edu.cn|stumail.neu.edu.cn
jlu	Jilin University	吉林大学	吉大|JLU	CN	Changchun	jlu.edu.cn|mails.jlu.edu.cn
ecnu	East China Normal University	华东师范大学	华东师大|华师大|ECNU	CN	Shanghai	ecnu.edu.cn|stu.ecnu.edu.cn
nudt	National University of Defense Technology	国防科技大学	国防科学技术大学|国防科大|NUDT	CN	Changsha	nudt.edu.cn
nuaa	Nanjing University of Aeronautics and Astronautics	南京航空航天大学	南航|NUAA	CN	Nanjing	nuaa.edu.cn
njust	Nanjing University of Science and Technology	南京理工大学	南理工|NJUST	CN	Nanjing	njust.edu.cn
ouc	Ocean University of China	中国海洋大学	中国海大|OUC	CN	Qingdao	ouc.edu.cn|stu.ouc.edu.cn
lzu	Lanzhou University	兰州大学	兰大|LZU	CN	Lanzhou	lzu.edu.cn
swufe	Southwestern University of Finance and Economics	西南财经大学	西财|SWUFE	CN	Chengdu	swufe.edu.cn
sufe	Shanghai University of Finance and Economics	上海财经大学	上财|SUFE	CN	Shanghai	sufe.edu.cn|live.sufe.edu.cn
cufe	Central University of Finance and Economics	中央财经大学	央财|CUFE	CN	Beijing	cufe.edu.cn|email.cufe.edu.cn
uibe	University of International Business and Economics	对外经济贸易大学	贸大|UIBE	CN	Beijing	uibe.edu.cn
bfsu	Beijing Foreign Studies University	北京外国语大学	北外|BFSU	CN	Beijing	bfsu.edu.cn
cuhksz	The Chinese University of Hong Kong, Shenzhen	香港中文大学(深圳)	港中深|CUHK-Shenzhen|CUHK(SZ)|CUHK-SZ	CN	Shenzhen	cuhk.edu.cn|link.cuhk.edu.cn
sustech	Southern University of Science and Technology	南方科技大学	南科大|SUSTech	CN	Shenzhen	sustech.edu.cn|mail.sustech.edu.cn
shanghaitech	ShanghaiTech University	上海科技大学	上科大|=ShanghaiTech	CN	Shanghai	shanghaitech.edu.cn
westlake	Westlake University	西湖大学	=Westlake	CN	Hangzhou	westlake.edu.cn
szu	Shenzhen University	深圳大学	深大|SZU	CN	Shenzhen	szu.edu.cn|email.szu.edu.cn
cas	Chinese Academy of Sciences	中国科学院	中科院|CAS	CN	Beijing	cas.cn|cas.ac.cn
ucas	University of Chinese Academy of Sciences	中国科学院大学	国科大|UCAS|中国科学院研究生院|Graduate University of Chinese Academy of Sciences|Graduate University of the Chinese Academy of Sciences	CN	Beijing	ucas.ac.cn|ucas.edu.cn|mails.ucas.ac.cn|mails.ucas.edu.cn
cas-ia	Institute of Automation, Chinese Academy of Sciences	中国科学院自动化研究所	中科院自动化所|自动化所|CASIA|Institute of Automation, CAS|Institute of Automation of Chinese Academy of Sciences	CN	Beijing	ia.ac.cn|ia.cas.cn
cas-ict	Institute of Computing Technology, Chinese Academy of Sciences	中国科学院计算技术研究所	中科院计算所|中科院计算技术研究所|计算所|ICT, CAS|ICT CAS|Institute of Computing Technology, CAS|Institute of Computing Technology	CN	Beijing	ict.ac.cn
cas-iscas	Institute of Software, Chinese Academy of Sciences	中国科学院软件研究所	中科院软件所|软件所|ISCAS|Institute of Software, CAS	CN	Beijing	iscas.ac.cn
cas-iie	Institute of Information Engineering, Chinese Academy of Sciences	中国科学院信息工程研究所	中科院信工所|信工所|IIE, CAS|Institute of Information Engineering, CAS	CN	Beijing	iie.ac.cn
cas-siat	Shenzhen Institutes of Advanced Technology, Chinese Academy of Sciences	中国科学院深圳先进技术研究院	深圳先进技术研究院|中科院深圳先进院|深圳先进院|SIAT|Shenzhen Institute of Advanced Technology	CN	Shenzhen	siat.ac.cn
cas-iop	Institute of Physics, Chinese Academy of Sciences	中国科学院物理研究所	中科院物理所|Institute of Physics, CAS	CN	Beijing	iphy.ac.cn|iphy.cas.cn
cas-semi	Institute of Semiconductors, Chinese Academy of Sciences	中国科学院半导体研究所	中科院半导体所|Institute of Semiconductors, CAS	CN	Beijing	semi.ac.cn
cas-ioa	Institute of Acoustics, Chinese Academy of Sciences	中国科学院声学研究所	中科院声学所|Institute of Acoustics, CAS	CN	Beijing	mail.ioa.ac.cn|ioa.ac.cn
cas-amss	Academy of Mathematics and Systems Science, Chinese Academy of Sciences	中国科学院数学与系统科学研究院	中科院数学院|AMSS|Academy of Mathematics and Systems Science, CAS	CN	Beijing	amss.ac.cn
cas-ime	Institute of Microelectronics, Chinese Academy of Sciences	中国科学院微电子研究所	中科院微电子所|Institute of Microelectronics, CAS	CN	Beijing	ime.ac.cn
cas-air	Aerospace Information Research Institute, Chinese Academy of Sciences	中国科学院空天信息创新研究院	中科院空天院|空天院|Aerospace Information Research Institute, CAS	CN	Beijing	aircas.ac.cn
cas-sim	Shanghai Institute of Microsystem and Information Technology, Chinese Academy of Sciences	中国科学院上海微系统与信息技术研究所	上海微系统所|SIMIT	CN	Shanghai	mail.sim.ac.cn|sim.ac.cn
cas-ion	Institute of Neuroscience, Chinese Academy of Sciences	中国科学院神经科学研究所	中科院神经所|Institute of Neuroscience, CAS	CN	Shanghai	ion.ac.cn
cas-psych	Institute of Psychology, Chinese Academy of Sciences	中国科学院心理研究所	中科院心理所|Institute of Psychology, CAS	CN	Beijing	psych.ac.cn
cas-iccas	Institute of Chemistry, Chinese Academy of Sciences	中国科学院化学研究所	中科院化学所|ICCAS|Institute of Chemistry, CAS	CN	Beijing	iccas.ac.cn
cass	Chinese Academy of Social Sciences	中国社会科学院	社科院|CASS	CN	Beijing	cass.org.cn
hku	University of Hong Kong	香港大学	港大|HKU|The University of Hong Kong|香港大學	HK	Hong Kong	hku.hk|connect.hku.hk
cuhk	Chinese University of Hong Kong	香港中文大学	港中文|港中大|CUHK|The Chinese University of Hong Kong|香港中文大學	HK	Hong Kong	cuhk.edu.hk|link.cuhk.edu.hk
hkust	Hong Kong University of Science and Technology	香港科技大学	港科大|HKUST|The Hong Kong University of Science and Technology|香港科技大學	HK	Hong Kong	ust.hk|connect.ust.hk
polyu	Hong Kong Polytechnic University	香港理工大学	港理工|PolyU|The Hong Kong Polytechnic University|香港理工大學	HK	Hong Kong	polyu.edu.hk|connect.polyu.hk
cityu	City University of Hong Kong	香港城市大学	港城大|CityU|CityU HK|香港城市大學	HK	Hong Kong	cityu.edu.hk|my.cityu.edu.hk
hkbu	Hong Kong Baptist University	香港浸会大学	浸大|HKBU|香港浸會大學	HK	Hong Kong	hkbu.edu.hk|life.hkbu.edu.hk
umac	University of Macau	澳门大学	澳大|=UM|澳門大學	MO	Macau	um.edu.mo|connect.um.edu.mo
tw-ntu	National Taiwan University	国立台湾大学	台大|臺大|國立臺灣大學|國立台灣大學|臺灣大學|台湾大学	TW	Taipei	ntu.edu.tw
tw-nthu	National Tsing Hua University	国立清华大学	國立清華大學|NTHU|National Tsinghua University	TW	Hsinchu	nthu.edu.tw|gapp.nthu.edu.tw
tw-nycu	National Yang Ming Chiao Tung University	国立阳明交通大学	陽明交大|阳明交大|國立陽明交通大學|NYCU|National Chiao Tung University|國立交通大學|国立交通大学|NCTU	TW	Hsinchu	nycu.edu.tw|nctu.edu.tw
tw-ncku	National Cheng Kung University	国立成功大学	成大|國立成功大學|成功大學|成功大学|NCKU	TW	Tainan	ncku.edu.tw|gs.ncku.edu.tw
tw-nccu	National Chengchi University	国立政治大学	政大|國立政治大學|政治大學|政治大学|NCCU	TW	Taipei	nccu.edu.tw
tw-ncu	National Central University	国立中央大学	國立中央大學|中央大學|中央大学	TW	Taoyuan	ncu.edu.tw
tw-nsysu	National Sun Yat-sen University	国立中山大学	國立中山大學|NSYSU	TW	Kaohsiung	nsysu.edu.tw
tw-nchu	National Chung Hsing University	国立中兴大学	國立中興大學|中興大學|中兴大学|NCHU	TW	Taichung	nchu.edu.tw
tw-ccu	National Chung Cheng University	国立中正大学	國立中正大學|中正大學|中正大学	TW	Chiayi	ccu.edu.tw
tw-ntnu	National Taiwan Normal University	国立台湾师范大学	台师大|臺師大|國立臺灣師範大學|臺灣師範大學|NTNU	TW	Taipei	ntnu.edu.tw
tw-ntust	National Taiwan University of Science and Technology	国立台湾科技大学	台科大|臺科大|國立臺灣科技大學|臺灣科技大學|NTUST|Taiwan Tech	TW	Taipei	ntust.edu.tw|mail.ntust.edu.tw
tw-ntpu	National Taipei University	国立台北大学	國立臺北大學|臺北大學|NTPU	TW	New Taipei	ntpu.edu.tw
tw-ntut	National Taipei University of Technology	国立台北科技大学	北科大|國立臺北科技大學|臺北科技大學|NTUT|Taipei Tech	TW	Taipei	ntut.edu.tw
tw-ndhu	National Dong Hwa University	国立东华大学	國立東華大學|NDHU	TW	Hualien	ndhu.edu.tw
tw-ntou	National Taiwan Ocean University	国立台湾海洋大学	國立臺灣海洋大學|臺灣海洋大學|NTOU	TW	Keelung	ntou.edu.tw
tw-ncnu	National Chi Nan University	国立暨南国际大学	國立暨南國際大學|暨南國際大學|NCNU	TW	Nantou	ncnu.edu.tw
tw-ncue	National Changhua University of Education	国立彰化师范大学	國立彰化師範大學|彰化師範大學|NCUE	TW	Changhua	ncue.edu.tw
tw-nkust	National Kaohsiung University of Science and Technology	国立高雄科技大学	國立高雄科技大學|高雄科技大學|NKUST	TW	Kaohsiung	nkust.edu.tw
tw-nutn	National University of Tainan	国立台南大学	國立臺南大學|臺南大學|NUTN	TW	Tainan	nutn.edu.tw
tw-ncyu	National Chiayi University	国立嘉义大学	國立嘉義大學|嘉義大學|NCYU	TW	Chiayi	ncyu.edu.tw
tw-niu	National Ilan University	国立宜兰大学	國立宜蘭大學|宜蘭大學|NIU	TW	Yilan	niu.edu.tw
tw-nuu	National United University	国立联合大学	國立聯合大學|聯合大學	TW	Miaoli	nuu.edu.tw
tw-yuntech	National Yunlin University of Science and Technology	国立云林科技大学	國立雲林科技大學|雲林科技大學|YunTech	TW	Yunlin	yuntech.edu.tw
oxford	University of Oxford	牛津大学	Oxford University|牛津大學	GB	Oxford	ox.ac.uk|oxford.ac.uk|robots.ox.ac.uk|cs.ox.ac.uk
cambridge	University of Cambridge	剑桥大学	Cambridge University|劍橋大學	GB	Cambridge	cam.ac.uk
imperial	Imperial College London	帝国理工学院	Imperial College|帝國理工學院	GB	London	imperial.ac.uk|ic.ac.uk
ucl	University College London	伦敦大学学院	UCL|倫敦大學學院	GB	London	ucl.ac.uk
lse	London School of Economics and Political Science	伦敦政治经济学院	LSE|London School of Economics|倫敦政治經濟學院	GB	London	lse.ac.uk
edinburgh	University of Edinburgh	爱丁堡大学	Edinburgh University|愛丁堡大學	GB	Edinburgh	ed.ac.uk|sms.ed.ac.uk
manchester	University of Manchester	曼彻斯特大学	Manchester University|曼徹斯特大學	GB	Manchester	manchester.ac.uk|postgrad.manchester.ac.uk
harvard	Harvard University	哈佛大学	哈佛大學	US	Cambridge	harvard.edu
stanford	Stanford University	斯坦福大学	史丹佛大學|史丹福大學	US	Stanford	stanford.edu
mit	Massachusetts Institute of Technology	麻省理工学院	MIT|麻省理工|麻省理工學院	US	Cambridge	mit.edu
berkeley	University of California, Berkeley	加州大学伯克利分校	UC Berkeley|UCB|Berkeley|加州大學柏克萊分校	US	Berkeley	berkeley.edu|eecs.berkeley.edu
cmu	Carnegie Mellon University	卡内基梅隆大学	卡耐基梅隆大学|CMU|卡內基美隆大學	US	Pittsburgh	cmu.edu|andrew.cmu.edu|cs.cmu.edu
princeton	Princeton University	普林斯顿大学	普林斯頓大學	US	Princeton	princeton.edu
yale	Yale University	耶鲁大学	耶魯大學	US	New Haven	yale.edu
columbia	Columbia University	哥伦比亚大学	Columbia University in the City of New York|哥倫比亞大學	US	New York	columbia.edu
uchicago	University of Chicago	芝加哥大学	UChicago|芝加哥大學	US	Chicago	uchicago.edu
upenn	University of Pennsylvania	宾夕法尼亚大学	UPenn|賓夕法尼亞大學|賓州大學	US	Philadelphia	upenn.edu|seas.upenn.edu
cornell	Cornell University	康奈尔大学	康乃爾大學	US	Ithaca	cornell.edu
umich	University of Michigan	密歇根大学	UMich|University of Michigan - Ann Arbor|University of Michigan, Ann Arbor|密西根大學|密歇根大学安娜堡分校	US	Ann Arbor	umich.edu
uw	University of Washington	华盛顿大学	UW|University of Washington, Seattle|華盛頓大學	US	Seattle	uw.edu|washington.edu|cs.washington.edu
wustl	Washington University in St. Louis	圣路易斯华盛顿大学	WashU|WUSTL|Washington University, Saint Louis|Washington University in Saint Louis|聖路易斯華盛頓大學	US	St. Louis	wustl.edu
usc	University of Southern California	南加州大学	USC|南加州大學	US	Los Angeles	usc.edu
ucla	University of California, Los Angeles	加州大学洛杉矶分校	UCLA|加州大學洛杉磯分校	US	Los Angeles	ucla.edu|g.ucla.edu
ucsd	University of California, San Diego	加州大学圣地亚哥分校	UCSD|UC San Diego|加州大學聖地牙哥分校	US	San Diego	ucsd.edu|eng.ucsd.edu
uiuc	University of Illinois Urbana-Champaign	伊利诺伊大学厄巴纳-香槟分校	UIUC|University of Illinois at Urbana-Champaign|伊利诺伊大学香槟分校|伊利諾大學厄巴納-香檳分校	US	Urbana	illinois.edu|uiuc.edu
gatech	Georgia Institute of Technology	佐治亚理工学院	Georgia Tech|乔治亚理工学院|喬治亞理工學院	US	Atlanta	gatech.edu
nyu	New York University	纽约大学	NYU|紐約大學	US	New York	nyu.edu
jhu	Johns Hopkins University	约翰霍普金斯大学	JHU|約翰霍普金斯大學	US	Baltimore	jhu.edu|jh.edu
duke	Duke University	杜克大学	杜克大學	US	Durham	duke.edu
utexas	University of Texas at Austin	德克萨斯大学奥斯汀分校	UT Austin|The University of Texas at Austin|德州大學奧斯汀分校	US	Austin	utexas.edu
purdue	Purdue University	普渡大学	普渡大學	US	West Lafayette	purdue.edu
wisc	University of Wisconsin-Madison	威斯康星大学麦迪逊分校	UW-Madison|University of Wisconsin - Madison|威斯康辛大學麥迪遜分校	US	Madison	wisc.edu
caltech	California Institute of Technology	加州理工学院	Caltech|加州理工學院	US	Pasadena	caltech.edu
binghamton	Binghamton University	宾汉姆顿大学	State University of New York at Binghamton|SUNY Binghamton|Binghamton University, State University of New York|賓漢姆頓大學	US	Binghamton	binghamton.edu|cs.binghamton.edu
toronto	University of Toronto	多伦多大学	UofT|多倫多大學	CA	Toronto	utoronto.ca|mail.utoronto.ca|toronto.edu
ubc	University of British Columbia	英属哥伦比亚大学	UBC|英屬哥倫比亞大學	CA	Vancouver	ubc.ca|student.ubc.ca
mcgill	McGill University	麦吉尔大学	麥基爾大學	CA	Montreal	mcgill.ca|mail.mcgill.ca
waterloo	University of Waterloo	滑铁卢大学	UWaterloo|滑鐵盧大學	CA	Waterloo	uwaterloo.ca
nus	National University of Singapore	新加坡国立大学	NUS|新加坡國立大學	SG	Singapore	nus.edu.sg|nus.edu|u.nus.edu
ntu-sg	Nanyang Technological University	南洋理工大学	=NTU|南洋理工大學	SG	Singapore	ntu.edu.sg|e.ntu.edu.sg
utokyo	University of Tokyo	东京大学	The University of Tokyo|東京大學|東京大学	JP	Tokyo	u-tokyo.ac.jp
kyoto	Kyoto University	京都大学	京都大學	JP	Kyoto	kyoto-u.ac.jp
snu	Seoul National University	首尔大学	SNU|首爾大學	KR	Seoul	snu.ac.kr
kaist	Korea Advanced Institute of Science and Technology	韩国科学技术院	KAIST|韓國科學技術院	KR	Daejeon	kaist.ac.kr|kaist.edu
unimelb	University of Melbourne	墨尔本大学	The University of Melbourne|墨爾本大學	AU	Melbourne	unimelb.edu.au|student.unimelb.edu.au
usyd	University of Sydney	悉尼大学	The University of Sydney|雪梨大學	AU	Sydney	sydney.edu.au|uni.sydney.edu.au
anu	Australian National University	澳大利亚国立大学	ANU|The Australian National University|澳洲國立大學	AU	Canberra	anu.edu.au
unsw	University of New South Wales	新南威尔士大学	UNSW|UNSW Sydney|新南威爾斯大學	AU	Sydney	unsw.edu.au|student.unsw.edu.au
ethz	ETH Zurich	苏黎世联邦理工学院	ETHZ|ETH Zürich|Swiss Federal Institute of Technology in Zurich|ETHZ - ETH Zurich|蘇黎世聯邦理工學院	CH	Zurich	ethz.ch|eth.edu|student.ethz.ch
epfl	École Polytechnique Fédérale de Lausanne	洛桑联邦理工学院	EPFL|Ecole Polytechnique Federale de Lausanne|洛桑聯邦理工學院	CH	Lausanne	epfl.ch
tum	Technical University of Munich	慕尼黑工业大学	TUM|Technische Universität München|慕尼黑工業大學	DE	Munich	tum.de|mytum.de
"""

_SPLIT_NAME = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+|&")
_REGION = {"mainland": "CN", "hong_kong": "HK", "macau": "MO", "taiwan": "TW"}
# The few Hipo rows whose country field disagrees with the curated rows (HK/MO/TW) are
# still merged: a name match inside Greater China counts as the same institution.
_GREATER_CHINA = {"CN", "HK", "MO", "TW"}
# Upstream English names a curated row must not take as an alias: they name a better-known
# foreign institution (东北大学 is "Northeastern University (China)").
_DO_NOT_ALIAS = {"Northeastern University"}


def _key(name: str) -> str:
    """Name key for merging: NFKC, case-folded words, leading "the" dropped."""
    name = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    name = "".join(c for c in name if not unicodedata.combining(c))
    toks = ["and" if t == "&" else t.casefold() for t in _SPLIT_NAME.findall(name)]
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "x"


def _pinyin_slug(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return _slug("".join(lazy_pinyin(zh)))


def _clean(cell: str) -> str:
    return " ".join(cell.replace("\t", " ").split())


def build(shared: Path) -> list[list[str]]:
    rows: list[dict] = []  # id en zh aliases(list) country city official domains(list)
    by_zh: dict[str, dict] = {}
    by_en: dict[tuple[str, str], dict] = {}  # (key, country-group) -> row
    ids: set[str] = set()

    def unique_id(base: str) -> str:
        i, cand = 2, base
        while cand in ids:
            cand = f"{base}-{i}"
            i += 1
        ids.add(cand)
        return cand

    def group(country: str) -> str:
        return "GC" if country in _GREATER_CHINA else country

    def index_en(row: dict) -> None:
        names = ([row["en"]] if row["official"] == "yes" else []) + [a for a in row["aliases"] if not a.startswith("=") and not re.search(r"[\u3400-\u9fff]", a)]
        for name in names:
            by_en.setdefault((_key(name), group(row["country"])), row)

    # 1. curated rows
    for line in CURATED.strip("\n").splitlines():
        cells = line.split("\t")
        assert len(cells) == 7, line
        id_, en, zh, aliases, country, city, domains = cells
        row = dict(id=unique_id(id_), en=en, zh=zh, aliases=[a for a in aliases.split("|") if a],
                   country=country, city=city, official="yes", domains=[d for d in domains.split("|") if d])
        rows.append(row)
        by_zh.setdefault(unicodedata.normalize("NFKC", zh), row)
        index_en(row)

    # 2. Chinese institutions (official English first, then the rest)
    with open(shared / "cn_universities" / "cn_universities_zh_en.csv", encoding="utf-8") as f:
        cn = list(csv.DictReader(f))
    cn.sort(key=lambda r: r["en_source"] != "en_wikipedia_list")  # stable
    for r in cn:
        zh = unicodedata.normalize("NFKC", _clean(r["chinese_name"]))
        en = _clean(r["english_name"])
        country = _REGION[r["region"]]
        official = "yes" if r["en_source"] == "en_wikipedia_list" else "no"
        cur = by_zh.get(zh)
        if cur is not None and cur["country"] == country:
            if (official == "yes" and en and _key(en) != _key(cur["en"]) and en not in cur["aliases"]
                    and en not in _DO_NOT_ALIAS):
                cur["aliases"].append(en)
                index_en(cur)
            continue
        base = "cn-" + (_slug(en) if official == "yes" and en else _pinyin_slug(zh))
        if country != "CN":
            base = f"cn-{country.lower()}-" + base[3:]
        row = dict(id=unique_id(base), en=en, zh=zh, aliases=[], country=country, city="",
                   official=official, domains=[])
        rows.append(row)
        by_zh.setdefault(zh, row)
        index_en(row)

    # 3. world universities (Hipo)
    with open(shared / "world_universities" / "world_universities_and_domains.json", encoding="utf-8") as f:
        world = json.load(f)
    for r in world:
        name = _clean(r["name"])
        country = (r.get("alpha_two_code") or "").upper()
        domains = [d.strip().lower() for d in r.get("domains") or [] if d.strip()]
        target = by_en.get((_key(name), group(country)))
        if target is not None:
            for d in domains:
                if d not in target["domains"]:
                    target["domains"].append(d)
            continue
        row = dict(id=unique_id(f"w-{country.lower()}-{_slug(name)}"), en=name, zh="", aliases=[],
                   country=country, city="", official="yes", domains=domains)
        rows.append(row)
        by_en[(_key(name), group(country))] = row

    return [
        [r["id"], r["en"], r["zh"], "|".join(r["aliases"]), r["country"], r["city"], r["official"],
         "|".join(r["domains"])]
        for r in rows
    ]


HEADER = """\
# institutions.tsv -- GENERATED by scripts/build_gazetteers.py; edit CURATED there, not here.
# Sources: cn_universities_zh_en.csv (yeatom/ChineseUniversities, MIT; MoE list, en.wikipedia names),
#          world_universities_and_domains.json (Hipo/university-domains-list bb07faf, MIT),
#          curated rows (this project). Columns are described in resources/README.md.
# official=no: the English cell is an unverified machine translation, kept only as a hint.
"""


def render(rows: list[list[str]]) -> str:
    cols = ["id", "en", "zh", "aliases", "country", "city", "official", "domains"]
    lines = [HEADER.rstrip("\n"), "\t".join(cols)]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = ap.parse_args(argv)
    text = render(build(args.shared))
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date; run scripts/build_gazetteers.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 6} rows, {len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
