"""The demo site's page texts in Spanish, Arabic, Chinese and Russian, and the news articles' bodies in
all six languages (``cms/demo.py`` holds the English and French originals of the other pages)."""

HOME_BODY = {
    "es": (
        "Por qué importan estas cumbres",
        "Las cumbres One Planet no son solo cumbres de gobiernos: jefes de Estado se sientan con organizaciones "
        "internacionales, bancos de desarrollo, empresas y sociedad civil, y cada uno viene a anunciar acciones "
        "concretas y, después, a rendir cuentas de ellas.",
        "El movimiento en cifras",
        [("2017", "primera cumbre One Planet, en París"), ("4", "temas para la cumbre sobre la biodiversidad"),
         ("6", "idiomas de este sitio")],
    ),
    "ar": (
        "لماذا تهمّ هذه القمم",
        "ليست قمم «كوكب واحد» قمماً للحكومات وحدها: يجلس رؤساء الدول مع المنظمات الدولية ومصارف التنمية "
        "والشركات والمجتمع المدني، ويأتي كلٌّ منهم ليعلن عن إجراءات ملموسة، ثم ليقدّم حساباً عن تنفيذها.",
        "الحركة بالأرقام",
        [("2017", "أول قمة «كوكب واحد»، في باريس"), ("4", "محاور لقمة التنوع البيولوجي"), ("6", "لغات هذا الموقع")],
    ),
    "zh-hans": (
        "这些峰会为何重要",
        "“一个星球”峰会不只是政府间的峰会：国家元首与国际组织、开发银行、企业和民间社会同席而坐，"
        "各方都前来宣布具体行动，并在之后报告落实情况。",
        "数字中的行动",
        [("2017", "首届“一个星球”峰会在巴黎举行"), ("4", "生物多样性峰会的主题数"), ("6", "本网站的语言数")],
    ),
    "ru": (
        "Почему эти саммиты важны",
        "Саммиты «Одна планета» — это не только встречи правительств: главы государств садятся за один стол с "
        "международными организациями, банками развития, бизнесом и гражданским обществом, и каждый приходит, "
        "чтобы объявить о конкретных действиях, а затем отчитаться об их выполнении.",
        "Движение в цифрах",
        [("2017", "первый саммит «Одна планета» в Париже"), ("4", "темы саммита по биоразнообразию"),
         ("6", "языков этого сайта")],
    ),
}

OPS_BODY = {
    "es": (
        "Jefes de Estado y de Gobierno se reúnen con dirigentes de organizaciones internacionales, instituciones "
        "financieras, empresas y ONG. Se espera que cada uno llegue con compromisos de acción concreta para "
        "proteger y restaurar la naturaleza, y que lance iniciativas capaces de cambiar la escala de lo que se hace.",
        "Al mostrar que actuar por el planeta es posible, ayudamos a crear las condiciones de un acuerdo ambicioso "
        "en Kunming.",
        "Los organizadores de la cumbre",
    ),
    "ar": (
        "يلتقي رؤساء الدول والحكومات بقادة المنظمات الدولية والمؤسسات المالية والشركات والمنظمات غير الحكومية. "
        "ويُنتظر من كلٍّ منهم أن يأتي بالتزامات لاتخاذ إجراءات ملموسة لحماية الطبيعة واستعادتها، وأن يطلق "
        "مبادرات قادرة على تغيير حجم ما يُنجَز.",
        "بإثبات أن العمل من أجل الكوكب ممكن، نسهم في تهيئة الظروف لاتفاق طموح في كونمينغ.",
        "منظّمو القمة",
    ),
    "zh-hans": (
        "各国元首和政府首脑与国际组织、金融机构、企业和非政府组织的领导人会面。每一方都应带着保护和恢复自然的"
        "具体行动承诺而来，并发起能够扩大行动规模的倡议。",
        "通过证明为地球采取行动是可能的，我们为在昆明达成一项雄心勃勃的协议创造条件。",
        "峰会组织方",
    ),
    "ru": (
        "Главы государств и правительств встречаются с руководителями международных организаций, финансовых "
        "институтов, компаний и НКО. Каждый должен прийти с обязательствами по конкретным действиям для защиты и "
        "восстановления природы и выдвинуть инициативы, способные изменить масштаб того, что делается.",
        "Показывая, что действовать ради планеты возможно, мы помогаем создать условия для амбициозного "
        "соглашения в Куньмине.",
        "Организаторы саммита",
    ),
}

OPS_PRACTICAL = {
    "es": ("Lugar y acceso",
           ["La cumbre se celebra en París. Debido a la situación sanitaria, la mayoría de las delegaciones "
            "participan a distancia y las sesiones se retransmiten en directo.",
            "Los medios acreditados reciben sus datos de acceso por correo electrónico la víspera."],
           "Interpretación",
           ["Las sesiones plenarias se interpretan a los seis idiomas oficiales de las Naciones Unidas. Los eventos "
            "paralelos indican sus idiomas en el programa."]),
    "ar": ("المكان والوصول",
           ["تُعقد القمة في باريس. وبسبب الوضع الصحي، تشارك معظم الوفود عن بُعد وتُبثّ الجلسات مباشرة.",
            "تتلقى وسائل الإعلام المعتمدة تفاصيل الدخول بالبريد الإلكتروني في اليوم السابق."],
           "الترجمة الشفوية",
           ["تُترجم الجلسات العامة ترجمة شفوية إلى اللغات الرسمية الست للأمم المتحدة. وتذكر الأحداث الجانبية "
            "لغاتها في البرنامج."]),
    "zh-hans": ("会场与交通",
                ["峰会在巴黎举行。鉴于卫生形势，大多数代表团远程参会，各场会议均进行直播。",
                 "获得采访资格的媒体将在会前一天通过电子邮件收到入场信息。"],
                "口译",
                ["全体会议提供联合国六种正式语文的同声传译。边会的工作语言见议程。"]),
    "ru": ("Место проведения и доступ",
           ["Саммит проходит в Париже. Из-за санитарной обстановки большинство делегаций участвуют дистанционно, "
            "а заседания транслируются в прямом эфире.",
            "Аккредитованные СМИ получают информацию о доступе по электронной почте накануне."],
           "Устный перевод",
           ["Пленарные заседания переводятся на шесть официальных языков Организации Объединённых Наций. "
            "Языки параллельных мероприятий указаны в программе."]),
}

PRACTICAL = {
    "es": ("Información para participantes y medios", "informacion-practica",
           "Cómo inscribirse, obtener una acreditación de prensa y seguir las sesiones.",
           "Inscripción",
           "Delegados, oradores, medios y observadores se inscriben en línea en su propio idioma. Algunas "
           "categorías son examinadas por la secretaría antes de su aprobación.",
           "Acreditación de medios",
           "Los periodistas presentan un carné de prensa o una carta de su redacción. Los medios aceptados reciben "
           "una credencial y el calendario de las conferencias de prensa."),
    "ar": ("معلومات للمشاركين ووسائل الإعلام", "practical-information-ar",
           "كيفية التسجيل والحصول على اعتماد صحفي ومتابعة الجلسات.",
           "التسجيل",
           "يسجّل المندوبون والمتحدثون ووسائل الإعلام والمراقبون عبر الإنترنت بلغتهم. وتراجع الأمانة بعض الفئات "
           "قبل الموافقة عليها.",
           "اعتماد وسائل الإعلام",
           "يتقدّم الصحفيون ببطاقة صحفية أو رسالة من هيئة التحرير. وتتلقى وسائل الإعلام المقبولة شارة وجدول "
           "المؤتمرات الصحفية."),
    "zh-hans": ("与会者和媒体须知", "practical-information-zh",
                "如何注册、申请媒体采访资格以及关注各场会议。",
                "注册",
                "代表、发言人、媒体和观察员可用本国语言在线注册。部分类别须经秘书处审核后方可批准。",
                "媒体采访资格",
                "记者须提交记者证或所在编辑部的信函。获准的媒体将领取证件和新闻发布会日程。"),
    "ru": ("Информация для участников и СМИ", "prakticheskaya-informatsiya",
           "Как зарегистрироваться, получить аккредитацию для прессы и следить за заседаниями.",
           "Регистрация",
           "Делегаты, докладчики, представители СМИ и наблюдатели регистрируются онлайн на своём языке. Заявки "
           "некоторых категорий рассматриваются секретариатом до утверждения.",
           "Аккредитация СМИ",
           "Журналисты предъявляют удостоверение прессы или письмо редакции. Одобренные СМИ получают бейдж и "
           "расписание пресс-конференций."),
}

# News titles and summaries not written in cms/demo.py's NEWS (name → language → (title, summary)).
NEWS = {
    "great-green-wall": {
        "es": ("Acelerar la Gran Muralla Verde en el Sáhara y el Sahel",
               "La agroecología protege la diversidad de los ecosistemas al tiempo que crea empleo y mejora la "
               "seguridad alimentaria; la cumbre busca cómo acelerar la Gran Muralla Verde."),
        "ar": ("تسريع إنجاز السور الأخضر العظيم في الصحراء والساحل",
               "تحمي الزراعة الإيكولوجية تنوّع النظم الإيكولوجية وتخلق في الوقت نفسه فرص العمل وتعزّز الأمن "
               "الغذائي؛ وتبحث القمة عن سبل تسريع إنجاز السور الأخضر العظيم."),
        "zh-hans": ("加快撒哈拉和萨赫勒绿色长城建设",
                    "农业生态在保护生态系统多样性的同时创造就业、改善粮食安全；峰会探讨如何加快绿色长城建设。"),
        "ru": ("Ускорить создание Великой зелёной стены в Сахаре и Сахеле",
               "Агроэкология сохраняет разнообразие экосистем, создаёт рабочие места и укрепляет продовольственную "
               "безопасность; саммит ищет пути ускорить создание Великой зелёной стены."),
    },
    "finance-for-nature": {
        "es": ("Dinero nuevo para la naturaleza: la financiación, en primer plano",
               "Sobre la mesa, la financiación innovadora y la convergencia de los fondos públicos para el clima y "
               "la biodiversidad, para dirigir más inversión a proteger y restaurar los ecosistemas."),
        "ar": ("أموال جديدة من أجل الطبيعة: التمويل في الصدارة",
               "تُطرح على الطاولة أشكال التمويل المبتكرة وتقارب الأموال العامة المخصصة للمناخ والتنوع البيولوجي، "
               "لتوجيه مزيد من الاستثمارات نحو حماية النظم الإيكولوجية واستعادتها."),
        "zh-hans": ("为自然注入新资金：融资成为焦点",
                    "创新融资以及气候和生物多样性公共资金的协同被提上议程，以引导更多投资用于保护和恢复生态系统。"),
        "ru": ("Новые деньги для природы: финансы в центре внимания",
               "На повестке — инновационное финансирование и сближение государственных средств на климат и "
               "биоразнообразие, чтобы направить больше инвестиций на защиту и восстановление экосистем."),
    },
}

# Tags of the news in each language (English tag → translations).
TAGS = {
    "biodiversity": {"fr": "biodiversité", "es": "biodiversidad", "ar": "التنوع البيولوجي", "zh-hans": "生物多样性",
                     "ru": "биоразнообразие"},
    "Paris": {"fr": "Paris", "es": "París", "ar": "باريس", "zh-hans": "巴黎", "ru": "Париж"},
    "agro-ecology": {"fr": "agroécologie", "es": "agroecología", "ar": "الزراعة الإيكولوجية", "zh-hans": "农业生态",
                     "ru": "агроэкология"},
    "Sahel": {"fr": "Sahel", "es": "Sahel", "ar": "الساحل", "zh-hans": "萨赫勒", "ru": "Сахель"},
    "finance": {"fr": "finance", "es": "financiación", "ar": "التمويل", "zh-hans": "融资", "ru": "финансы"},
}

# The articles themselves: name → language → paragraphs.
NEWS_BODIES = {
    "ops-announced": {
        "en": ["On 11 January 2021, France, the United Nations and the World Bank will bring heads of state and "
               "government, international organisations, financial institutions, businesses and NGOs together in "
               "Paris for a One Planet Summit devoted to biodiversity.",
               "Four themes have been chosen: protecting terrestrial and marine ecosystems, promoting agro-ecology "
               "with the Great Green Wall, mobilising finance for biodiversity, and the links between "
               "deforestation, species and human health. Participants are expected to come with concrete "
               "commitments, on the road to the biodiversity conference in Kunming."],
        "fr": ["Le 11 janvier 2021, la France, les Nations unies et la Banque mondiale réuniront à Paris chefs d’État "
               "et de gouvernement, organisations internationales, institutions financières, entreprises et ONG "
               "pour un One Planet Summit consacré à la biodiversité.",
               "Quatre thèmes ont été retenus : la protection des écosystèmes terrestres et marins, la promotion de "
               "l’agroécologie avec la Grande Muraille verte, la mobilisation des financements pour la biodiversité, "
               "et les liens entre déforestation, espèces et santé humaine. Les participants sont attendus avec des "
               "engagements concrets, sur la route de la conférence de Kunming sur la biodiversité."],
        "es": ["El 11 de enero de 2021, Francia, las Naciones Unidas y el Banco Mundial reunirán en París a jefes de "
               "Estado y de Gobierno, organizaciones internacionales, instituciones financieras, empresas y ONG en "
               "una cumbre One Planet dedicada a la biodiversidad.",
               "Se han elegido cuatro temas: la protección de los ecosistemas terrestres y marinos, la promoción de "
               "la agroecología con la Gran Muralla Verde, la movilización de financiación para la biodiversidad y "
               "los vínculos entre deforestación, especies y salud humana. Se espera que los participantes acudan con "
               "compromisos concretos, en el camino hacia la conferencia de Kunming sobre la biodiversidad."],
        "ar": ["في 11 كانون الثاني/يناير 2021، تجمع فرنسا والأمم المتحدة والبنك الدولي في باريس رؤساء الدول "
               "والحكومات والمنظمات الدولية والمؤسسات المالية والشركات والمنظمات غير الحكومية في قمة «كوكب واحد» "
               "مخصصة للتنوع البيولوجي.",
               "اختيرت أربعة محاور: حماية النظم الإيكولوجية البرية والبحرية، وتعزيز الزراعة الإيكولوجية مع السور "
               "الأخضر العظيم، وحشد التمويل للتنوع البيولوجي، والصلات بين إزالة الغابات والأنواع وصحة الإنسان. "
               "ويُنتظر أن يأتي المشاركون بالتزامات ملموسة، على الطريق إلى مؤتمر كونمينغ للتنوع البيولوجي."],
        "zh-hans": ["2021年1月11日，法国、联合国和世界银行将在巴黎召集各国元首和政府首脑、国际组织、金融机构、"
                    "企业和非政府组织，举行以生物多样性为主题的“一个星球”峰会。",
                    "峰会确定了四个主题：保护陆地和海洋生态系统，以绿色长城为重点推广农业生态，为生物多样性调动资金，"
                    "以及毁林、物种与人类健康之间的关联。与会各方应带着具体承诺而来，为昆明生物多样性大会铺路。"],
        "ru": ["11 января 2021 года Франция, ООН и Всемирный банк соберут в Париже глав государств и правительств, "
               "международные организации, финансовые институты, компании и НКО на саммит «Одна планета», "
               "посвящённый биоразнообразию.",
               "Выбраны четыре темы: охрана наземных и морских экосистем, развитие агроэкологии и Великая зелёная "
               "стена, мобилизация финансирования для биоразнообразия и связь между обезлесением, видами и "
               "здоровьем человека. Участники должны прийти с конкретными обязательствами на пути к конференции "
               "по биоразнообразию в Куньмине."],
    },
    "great-green-wall": {
        "en": ["Launched by African countries to restore degraded land from Senegal to Djibouti, the Great Green Wall "
               "has advanced more slowly than hoped. The summit's agro-ecology session brings together the "
               "Pan-African Agency of the Great Green Wall, the Sahara and Sahel Observatory and their funders.",
               "Their aim is an accelerator that tracks the money pledged and helps projects reach the ground faster, "
               "so that restored land also means jobs and food for the people of the Sahel."],
        "fr": ["Lancée par des pays africains pour restaurer les terres dégradées du Sénégal à Djibouti, la Grande "
               "Muraille verte a progressé moins vite qu’espéré. La session du sommet consacrée à l’agroécologie "
               "réunit l’Agence panafricaine de la Grande Muraille Verte, l’Observatoire du Sahara et du Sahel et "
               "leurs bailleurs.",
               "Leur objectif : un accélérateur qui suive les fonds annoncés et aide les projets à se concrétiser "
               "plus vite sur le terrain, pour que les terres restaurées apportent aussi emplois et nourriture aux "
               "populations du Sahel."],
        "es": ["Impulsada por países africanos para restaurar las tierras degradadas desde Senegal hasta Yibuti, la "
               "Gran Muralla Verde ha avanzado más despacio de lo esperado. La sesión de la cumbre sobre agroecología "
               "reúne a la Agencia Panafricana de la Gran Muralla Verde, al Observatorio del Sáhara y del Sahel y a "
               "sus financiadores.",
               "Su objetivo es un acelerador que siga los fondos anunciados y ayude a que los proyectos lleguen antes "
               "al terreno, para que las tierras restauradas signifiquen también empleo y alimentos para la "
               "población del Sahel."],
        "ar": ["أطلقت بلدان أفريقية مبادرة السور الأخضر العظيم لاستصلاح الأراضي المتدهورة من السنغال إلى جيبوتي، "
               "لكنها تقدّمت أبطأ مما كان مأمولاً. وتجمع جلسة القمة المخصصة للزراعة الإيكولوجية الوكالة الأفريقية "
               "للسور الأخضر العظيم ومرصد الصحراء والساحل والجهات الممولة.",
               "وهدفها إنشاء مسرّع يتتبّع الأموال المتعهَّد بها ويساعد المشاريع على الوصول إلى الميدان بسرعة أكبر، "
               "كي تعني الأراضي المستصلحة أيضاً فرص عمل وغذاءً لسكان الساحل."],
        "zh-hans": ["绿色长城由非洲国家发起，旨在恢复从塞内加尔到吉布提的退化土地，但进展慢于预期。峰会的农业生态"
                    "会议汇聚了泛非绿色长城机构、撒哈拉和萨赫勒观察站及其资助方。",
                    "各方的目标是设立一个加速器，跟踪已认捐的资金，帮助项目更快落地，使恢复的土地也能为萨赫勒"
                    "人民带来就业和粮食。"],
        "ru": ["Великая зелёная стена, начатая африканскими странами для восстановления деградировавших земель от "
               "Сенегала до Джибути, продвигается медленнее, чем ожидалось. На заседании саммита по агроэкологии "
               "встречаются Панафриканское агентство Великой зелёной стены, Обсерватория Сахары и Сахеля и их "
               "доноры.",
               "Их цель — акселератор, который отслеживает обещанные средства и помогает проектам быстрее "
               "доходить до земли, чтобы восстановленные земли приносили жителям Сахеля ещё и работу, и "
               "продовольствие."],
    },
    "finance-for-nature": {
        "en": ["Protecting and restoring ecosystems costs far more than is spent on it today. The summit's finance "
               "panel asks development banks, donors and businesses how to close the gap with new and innovative "
               "funding.",
               "One track is convergence: making sure that public money spent on the climate also serves "
               "biodiversity, and that no public finance harms nature. Announcements will be recorded in the "
               "summit's registry of commitments, so that everyone can follow what is disbursed."],
        "fr": ["Protéger et restaurer les écosystèmes coûte bien plus que ce qui y est consacré aujourd’hui. Le panel "
               "du sommet consacré à la finance demande aux banques de développement, aux bailleurs et aux "
               "entreprises comment combler cet écart avec des financements nouveaux et innovants.",
               "Une piste : la convergence, pour que l’argent public dépensé pour le climat serve aussi la "
               "biodiversité et qu’aucun financement public ne nuise à la nature. Les annonces seront inscrites au "
               "registre des engagements du sommet, afin que chacun puisse suivre ce qui est décaissé."],
        "es": ["Proteger y restaurar los ecosistemas cuesta mucho más de lo que hoy se invierte en ello. El panel de "
               "la cumbre sobre financiación pregunta a bancos de desarrollo, donantes y empresas cómo cerrar esa "
               "brecha con financiación nueva e innovadora.",
               "Una vía es la convergencia: que el dinero público destinado al clima sirva también a la "
               "biodiversidad y que ninguna financiación pública dañe la naturaleza. Los anuncios se inscribirán en "
               "el registro de compromisos de la cumbre, para que todos puedan seguir lo que se desembolsa."],
        "ar": ["تكلّف حماية النظم الإيكولوجية واستعادتها أكثر بكثير مما يُنفق عليها اليوم. وتسأل حلقة النقاش "
               "المخصصة للتمويل في القمة مصارف التنمية والمانحين والشركات عن سبل سدّ هذه الفجوة بتمويل جديد ومبتكر.",
               "ومن السبل المطروحة التقارب: أن تخدم الأموال العامة المنفقة على المناخ التنوع البيولوجي أيضاً، وألا "
               "يضرّ أي تمويل عام بالطبيعة. وستُسجَّل الإعلانات في سجل التزامات القمة، ليتمكن الجميع من متابعة ما "
               "يُصرف منها."],
        "zh-hans": ["保护和恢复生态系统所需的资金远远超过目前的投入。峰会融资专题讨论会向开发银行、捐助方和企业"
                    "探讨如何以新的创新型资金弥合这一缺口。",
                    "方向之一是协同：确保用于气候的公共资金同样惠及生物多样性，且任何公共资金都不损害自然。"
                    "各项宣布将载入峰会承诺登记册，以便人人都能跟踪资金的拨付情况。"],
        "ru": ["Защита и восстановление экосистем стоят гораздо больше, чем на них тратится сегодня. Участники "
               "финансовой дискуссии саммита спрашивают банки развития, доноров и компании, как закрыть этот "
               "разрыв с помощью нового и инновационного финансирования.",
               "Одно из направлений — сближение: государственные деньги, которые тратятся на климат, должны служить "
               "и биоразнообразию, а никакое государственное финансирование не должно вредить природе. Объявления "
               "будут внесены в реестр обязательств саммита, чтобы каждый мог следить за выплатами."],
    },
}
