"""Turkish, Arabic, Russian and Ukrainian for every text a participant's screens can show.

A welcoming city invites people who read German slowly or not at all; they join
on their own phone and should understand every button, hint and error at a
glance. Each key here exists in the main catalogue (German and English); this
file only adds languages to it, so ``werkstatt.i18n`` merges it with one loop
and a key that is not in the catalogue fails at import. Facilitator, projector
and task-force texts stay German and English: the workshop runs in German.

These translations are ours, not a native speaker's: read the README before a
city relies on them. A participant text added to the screens without its four
translations here fails ``tests/unit/test_i18n_participant.py``.
"""

from __future__ import annotations

COMMUNITY_MESSAGES: dict[str, dict[str, str]] = {
    # --- the language switch and the join screens ----------------------------------
    "app.language": {"tr": "Dil", "ar": "اللغة", "ru": "Язык", "uk": "Мова"},
    "participate.join.title": {
        "tr": "Hoş geldiniz!", "ar": "أهلاً وسهلاً!", "ru": "Добро пожаловать!", "uk": "Ласкаво просимо!",
    },
    "start.join.code": {
        "tr": "Projeksiyondaki kod",
        "ar": "الرمز الظاهر على الشاشة الكبيرة",
        "ru": "Код с экрана проектора",
        "uk": "Код з екрана проєктора",
    },
    "participate.code.button": {"tr": "Devam", "ar": "متابعة", "ru": "Далее", "uk": "Далі"},
    "participate.join.button": {"tr": "Katıl", "ar": "انضمام", "ru": "Участвовать", "uk": "Взяти участь"},
    "participate.sector": {
        "tr": "Hangi alandan geliyorsunuz? (isteğe bağlı)",
        "ar": "إلى أي قطاع تنتمي؟ (اختياري)",
        "ru": "Из какого вы сектора? (по желанию)",
        "uk": "З якого ви сектору? (за бажанням)",
    },
    "participate.sector.help": {
        "tr": "Yanıtlarınız anonim kalır. Alan bilgisi yalnızca gruplar arasındaki farkları görmeye yarar.",
        "ar": "تبقى إجاباتك مجهولة الهوية. يساعد القطاع فقط على رؤية الفروق بين المجموعات.",
        "ru": "Ваши ответы остаются анонимными. Сектор нужен только для того, чтобы видеть различия между группами.",
        "uk": "Ваші відповіді залишаються анонімними. Сектор потрібен лише для того, щоб бачити відмінності між групами.",
    },
    "participate.join.group": {
        "tr": "“{group}” grubunda yer alıyorsunuz.",
        "ar": "أنت تشارك في مجموعة «{group}».",
        "ru": "Вы участвуете в группе «{group}».",
        "uk": "Ви берете участь у групі «{group}».",
    },
    "participate.join.group_tablet": {
        "tr": "Bu cihaz “{group}” grubunun ortak tableti olacak. Buradan yazılan kartlar bütün grup için sayılır.",
        "ar": "سيصبح هذا الجهاز الجهازَ اللوحي المشترك لمجموعة «{group}». البطاقات المكتوبة هنا تُحسب للمجموعة كلها.",
        "ru": "Это устройство станет общим планшетом группы «{group}». Карточки отсюда засчитываются всей группе.",
        "uk": "Цей пристрій стане спільним планшетом групи «{group}». Картки звідси зараховуються всій групі.",
    },
    "accessibility.link": {  # at the foot of the participant page; the statement itself is de/en
        "tr": "Erişilebilirlik beyanı", "ar": "بيان إمكانية الوصول", "ru": "Заявление о доступности",
        "uk": "Заява про доступність",
    },
    # --- the steps -------------------------------------------------------------------
    "participate.step.checkin": {
        "tr": "Burada olmanıza sevindik!", "ar": "يسعدنا وجودك معنا!", "ru": "Рады, что вы здесь!",
        "uk": "Раді, що ви тут!",
    },
    "participate.step.rating": {"tr": "Değerlendirmeniz", "ar": "تقييمك", "ru": "Ваша оценка", "uk": "Ваша оцінка"},
    "participate.step.results": {"tr": "Sonuçlar", "ar": "النتائج", "ru": "Результаты", "uk": "Результати"},
    "participate.step.closed": {
        "tr": "Çok teşekkürler!", "ar": "شكراً جزيلاً!", "ru": "Большое спасибо!", "uk": "Щиро дякуємо!",
    },
    "participate.step.cards": {
        "tr": "Grup çalışması: Kartlarınız",
        "ar": "العمل في مجموعات: بطاقاتك",
        "ru": "Работа в группах: ваши карточки",
        "uk": "Робота в групах: ваші картки",
    },
    "participate.step.voting": {"tr": "Puan verin", "ar": "وزّع نقاطك", "ru": "Раздайте баллы", "uk": "Роздайте бали"},
    "participate.step.ranking": {"tr": "Sıralama", "ar": "الترتيب", "ru": "Рейтинг", "uk": "Рейтинг"},
    "participate.wait.checkin": {
        "tr": "Birazdan başlıyoruz. Değerlendirme başlar başlamaz bu sayfa kendiliğinden değişir.",
        "ar": "سنبدأ بعد قليل. ستتغير هذه الصفحة تلقائياً عند بدء التقييم.",
        "ru": "Скоро начнём. Страница сменится сама, как только начнётся оценка.",
        "uk": "Незабаром почнемо. Сторінка зміниться сама, щойно почнеться оцінювання.",
    },
    "participate.wait.results": {
        "tr": "Değerlendirme kapandı. Sonuçları şimdi projeksiyonda görebilirsiniz.",
        "ar": "انتهى التقييم. يمكنك الآن رؤية النتائج على الشاشة الكبيرة.",
        "ru": "Оценка завершена. Результаты теперь видны на экране проектора.",
        "uk": "Оцінювання завершено. Результати тепер видно на екрані проєктора.",
    },
    "participate.wait.ranking": {
        "tr": "Sıralama şimdi projeksiyonda. Moderatör kilitleyene kadar puanlarınızı hâlâ değiştirebilirsiniz.",
        "ar": "الترتيب معروض الآن على الشاشة الكبيرة. يمكنك تغيير نقاطك إلى أن يغلق الميسّر التصويت.",
        "ru": "Рейтинг сейчас на экране проектора. Баллы ещё можно изменить, пока ведущий не закроет голосование.",
        "uk": "Рейтинг зараз на екрані проєктора. Бали ще можна змінити, доки ведучий не закриє голосування.",
    },
    "participate.wait.closed": {
        "tr": "Atölye sona erdi. Katıldığınız için çok teşekkürler!",
        "ar": "انتهت ورشة العمل. شكراً جزيلاً على مشاركتك!",
        "ru": "Семинар завершён. Спасибо за участие!",
        "uk": "Семінар завершено. Дякуємо за участь!",
    },
    "participate.my_answers": {"tr": "Yanıtlarım", "ar": "إجاباتي", "ru": "Мои ответы", "uk": "Мої відповіді"},
    # --- rating ------------------------------------------------------------------------
    "participate.rating.intro": {
        "tr": "Belediyemiz her eylem alanında ne kadar yol aldı? Bir seviyeye dokunun. "
        "Seçiminiz hemen kaydedilir; değerlendirme kapanana kadar değiştirebilirsiniz.",
        "ar": "إلى أي مدى وصلت بلديتنا في كل مجال عمل؟ اضغط على أحد المستويات. "
        "يُحفظ اختيارك فوراً، ويمكنك تغييره حتى ينتهي التقييم.",
        "ru": "Насколько продвинулся наш город в каждой сфере? Нажмите на один из уровней. "
        "Выбор сохраняется сразу, и его можно изменить, пока оценка открыта.",
        "uk": "Наскільки просунулася наша громада в кожній сфері? Натисніть на один із рівнів. "
        "Вибір зберігається одразу, і його можна змінити, доки оцінювання відкрите.",
    },
    "participate.rating.locked": {
        "tr": "Değerlendirme şu anda kilitli. Kaydedilmiş yanıtlarınız korunur.",
        "ar": "التقييم مغلق حالياً. إجاباتك المحفوظة تبقى كما هي.",
        "ru": "Оценка сейчас закрыта. Сохранённые ответы никуда не пропадут.",
        "uk": "Оцінювання зараз закрите. Збережені відповіді нікуди не зникнуть.",
    },
    "participate.questions": {
        "tr": "Düşünmek için sorular", "ar": "أسئلة للتفكير", "ru": "Вопросы для размышления",
        "uk": "Питання для роздумів",
    },
    "participate.your_rating": {
        "tr": "Değerlendirmeniz: {field}", "ar": "تقييمك: {field}", "ru": "Ваша оценка: {field}",
        "uk": "Ваша оцінка: {field}",
    },
    "participate.saved": {
        "tr": "Kaydedildi: {level}", "ar": "تم الحفظ: {level}", "ru": "Сохранено: {level}", "uk": "Збережено: {level}",
    },
    "participate.all_done": {
        "tr": "Tüm alanlar değerlendirildi – teşekkürler! Değerlendirme açık olduğu sürece yanıtlarınızı değiştirebilirsiniz.",
        "ar": "قيّمت كل المجالات – شكراً! يمكنك تغيير إجاباتك ما دام التقييم مفتوحاً.",
        "ru": "Все сферы оценены – спасибо! Пока оценка открыта, ответы можно изменить.",
        "uk": "Усі сфери оцінено – дякуємо! Доки оцінювання відкрите, відповіді можна змінити.",
    },
    # --- cards -------------------------------------------------------------------------
    "col.field": {"tr": "Eylem alanı", "ar": "مجال العمل", "ru": "Сфера", "uk": "Сфера"},
    "kind.strength": {"tr": "Güçlü yön", "ar": "نقطة قوة", "ru": "Сильная сторона", "uk": "Сильна сторона"},
    "kind.gap": {"tr": "Eylem ihtiyacı", "ar": "يحتاج إلى عمل", "ru": "Нужны меры", "uk": "Потрібні дії"},
    "kind.idea": {"tr": "Fikir", "ar": "فكرة", "ru": "Идея", "uk": "Ідея"},
    "kind.strength.help": {
        "tr": "Bu zaten iyi işliyor", "ar": "هذا يعمل جيداً بالفعل", "ru": "Это уже хорошо работает",
        "uk": "Це вже добре працює",
    },
    "kind.gap.help": {
        "tr": "Bu henüz eksik", "ar": "هذا ما زال ناقصاً", "ru": "Этого пока не хватает", "uk": "Цього ще бракує",
    },
    "kind.idea.help": {
        "tr": "Bunu yapabiliriz", "ar": "هذا ما يمكننا فعله", "ru": "Это мы могли бы сделать",
        "uk": "Це ми могли б зробити",
    },
    "cards.intro": {
        "tr": "İyi gideni, eksik olanı ve neler yapılabileceğini yazın – her düşünce için bir kart.",
        "ar": "اكتب ما يسير جيداً، وما ينقص، وما يمكن فعله – بطاقة واحدة لكل فكرة.",
        "ru": "Напишите, что хорошо получается, чего не хватает и что можно сделать, – одна карточка на одну мысль.",
        "uk": "Напишіть, що добре вдається, чого бракує і що можна зробити, – одна картка на одну думку.",
    },
    "cards.locked": {
        "tr": "Kart turu şu anda kilitli. Kartlarınız kayıtlı kalır.",
        "ar": "جولة البطاقات مغلقة حالياً. تبقى بطاقاتك محفوظة.",
        "ru": "Приём карточек сейчас закрыт. Ваши карточки сохранены.",
        "uk": "Прийом карток зараз закрито. Ваші картки збережено.",
    },
    "cards.pick_group": {
        "tr": "Lütfen önce grubunuzu seçin.", "ar": "يرجى اختيار مجموعتك أولاً.",
        "ru": "Сначала выберите свою группу.", "uk": "Спершу виберіть свою групу.",
    },
    "cards.group": {"tr": "Grubunuz", "ar": "مجموعتك", "ru": "Ваша группа", "uk": "Ваша група"},
    "cards.your_group": {
        "tr": "Grubunuz: **{group}**", "ar": "مجموعتك: **{group}**", "ru": "Ваша группа: **{group}**",
        "uk": "Ваша група: **{group}**",
    },
    "cards.group_tablet": {
        "tr": "Grup tableti: **{group}**", "ar": "الجهاز اللوحي للمجموعة: **{group}**",
        "ru": "Планшет группы: **{group}**", "uk": "Планшет групи: **{group}**",
    },
    "cards.change_group": {"tr": "Grubu değiştir", "ar": "تغيير المجموعة", "ru": "Сменить группу", "uk": "Змінити групу"},
    "cards.new": {"tr": "Yeni kart", "ar": "بطاقة جديدة", "ru": "Новая карточка", "uk": "Нова картка"},
    "cards.kind": {"tr": "Kart türü", "ar": "نوع البطاقة", "ru": "Тип карточки", "uk": "Тип картки"},
    "cards.pick_kind": {
        "tr": "Lütfen seçin: güçlü yön, eylem ihtiyacı veya fikir. Metniniz duruyor.",
        "ar": "يرجى الاختيار: نقطة قوة، أو يحتاج إلى عمل، أو فكرة. نصّك ما زال موجوداً.",
        "ru": "Выберите, пожалуйста: сильная сторона, нужны меры или идея. Ваш текст сохранился.",
        "uk": "Будь ласка, виберіть: сильна сторона, потрібні дії чи ідея. Ваш текст нікуди не зник.",
    },
    "cards.text": {
        "tr": "Metniniz (3 ile 500 karakter arası)", "ar": "نصّك (من 3 إلى 500 حرف)",
        "ru": "Ваш текст (от 3 до 500 знаков)", "uk": "Ваш текст (від 3 до 500 знаків)",
    },
    "cards.text.placeholder": {
        "tr": "Örneğin: Vatandaş bürosunda Türkçe ve Arapça danışma saatleri var.",
        "ar": "مثلاً: في مكتب خدمة المواطنين مواعيد استقبال باللغتين التركية والعربية.",
        "ru": "Например: в бюро по делам граждан есть приёмные часы на турецком и арабском.",
        "uk": "Наприклад: у бюро для громадян є години прийому турецькою та арабською.",
    },
    "cards.save": {"tr": "Kartı kaydet", "ar": "حفظ البطاقة", "ru": "Сохранить карточку", "uk": "Зберегти картку"},
    "cards.saved": {
        "tr": "Kaydedildi: “{kind}” kartınız.", "ar": "تم الحفظ: بطاقتك «{kind}».",
        "ru": "Сохранено: ваша карточка «{kind}».", "uk": "Збережено: ваша картка «{kind}».",
    },
    "cards.mine": {"tr": "Kartlarım ({n})", "ar": "بطاقاتي ({n})", "ru": "Мои карточки ({n})", "uk": "Мої картки ({n})"},
    "cards.none_yet": {
        "tr": "Henüz kart yok.", "ar": "لا توجد بطاقات بعد.", "ru": "Карточек пока нет.", "uk": "Карток поки немає.",
    },
    "cards.moderated": {
        "tr": "Moderatör bu kartı düzenledi, bu yüzden artık değiştiremezsiniz.",
        "ar": "عدّل الميسّر هذه البطاقة، لذلك لم يعد بإمكانك تغييرها.",
        "ru": "Ведущий отредактировал эту карточку, поэтому изменить её больше нельзя.",
        "uk": "Ведучий відредагував цю картку, тому змінити її більше не можна.",
    },
    "cards.edit": {"tr": "Değiştir", "ar": "تعديل", "ru": "Изменить", "uk": "Змінити"},
    "cards.save_edit": {
        "tr": "Değişikliği kaydet", "ar": "حفظ التعديل", "ru": "Сохранить изменения", "uk": "Зберегти зміни",
    },
    "cards.edited": {
        "tr": "Kaydedildi: değişikliğiniz.", "ar": "تم حفظ التعديل.", "ru": "Изменения сохранены.",
        "uk": "Зміни збережено.",
    },
    "cards.delete": {"tr": "Sil", "ar": "حذف", "ru": "Удалить", "uk": "Видалити"},
    "cards.delete_confirm": {
        "tr": "Bu kart gerçekten silinsin mi?", "ar": "هل تريد حذف هذه البطاقة فعلاً؟",
        "ru": "Точно удалить эту карточку?", "uk": "Справді видалити цю картку?",
    },
    "cards.delete_yes": {"tr": "Evet, sil", "ar": "نعم، احذفها", "ru": "Да, удалить", "uk": "Так, видалити"},
    "cards.deleted": {
        "tr": "Kart silindi.", "ar": "تم حذف البطاقة.", "ru": "Карточка удалена.", "uk": "Картку видалено.",
    },
    # --- dot voting ----------------------------------------------------------------------
    "vote.left": {
        "tr": "{budget} puandan {left} puan kaldı",
        "ar": "النقاط المتبقية: {left} من {budget}",
        "ru": "Осталось баллов: {left} из {budget}",
        "uk": "Залишилося балів: {left} з {budget}",
    },
    "vote.intro": {
        "tr": "En önemli olan ne? Puanlarınızı eylem ihtiyaçları ve fikirler arasında dağıtın, "
        "kart başına en fazla {per_card}. Puanları istediğiniz zaman geri alabilirsiniz.",
        "ar": "ما الأهم؟ وزّع نقاطك على ما يحتاج إلى عمل وعلى الأفكار، "
        "بحد أقصى {per_card} لكل بطاقة. يمكنك استرجاع نقاطك في أي وقت.",
        "ru": "Что важнее всего? Распределите баллы между мерами и идеями, "
        "не больше {per_card} на карточку. Баллы можно забрать обратно в любой момент.",
        "uk": "Що найважливіше? Розподіліть бали між потрібними діями та ідеями, "
        "не більше {per_card} на картку. Бали можна забрати назад будь-коли.",
    },
    "vote.locked": {
        "tr": "Puanlama kilitli. Puanlarınız kaydedildi.",
        "ar": "توزيع النقاط مغلق. نقاطك محفوظة.",
        "ru": "Голосование закрыто. Ваши баллы сохранены.",
        "uk": "Голосування закрите. Ваші бали збережено.",
    },
    "vote.field": {
        "tr": "Hangi alanın kartları?", "ar": "بطاقات أيّ مجال؟", "ru": "Карточки какой сферы?",
        "uk": "Картки якої сфери?",
    },
    "vote.field_option": {
        "tr": "{field} · {cards} kart", "ar": "{field} · {cards} بطاقات", "ru": "{field} · карточек: {cards}",
        "uk": "{field} · карток: {cards}",
    },
    "vote.field_option.one": {
        "tr": "{field} · 1 kart", "ar": "{field} · بطاقة واحدة", "ru": "{field} · 1 карточка",
        "uk": "{field} · 1 картка",
    },
    "vote.named": {"tr": "{n} kez belirtildi", "ar": "ذُكرت {n}×", "ru": "упомянуто: {n}×", "uk": "згадано: {n}×"},
    "vote.control": {
        "tr": "Şu kart için puanlarınız: {text}", "ar": "نقاطك لـ: {text}", "ru": "Ваши баллы за: {text}",
        "uk": "Ваші бали за: {text}",
    },
    # --- timer -----------------------------------------------------------------------------
    "timer.time_left": {"tr": "Kalan süre", "ar": "الوقت المتبقي", "ru": "Осталось времени", "uk": "Залишилося часу"},
    "timer.locks_at_zero": {
        "tr": "Kalan süre – sıfırda kilitlenir",
        "ar": "الوقت المتبقي – يُغلق الإدخال عند الصفر",
        "ru": "Осталось времени – на нуле ввод закроется",
        "uk": "Залишилося часу – на нулі введення закриється",
    },
    "timer.over": {"tr": "Süre doldu", "ar": "انتهى الوقت", "ru": "Время вышло", "uk": "Час вийшов"},
    "timer.over_locked": {
        "tr": "Süre doldu – giriş kilitlendi", "ar": "انتهى الوقت – الإدخال مغلق",
        "ru": "Время вышло – ввод закрыт", "uk": "Час вийшов – введення закрите",
    },
    # --- errors a participant can run into -------------------------------------------------
    "error.generic": {
        "tr": "Maalesef olmadı.", "ar": "للأسف لم ينجح ذلك.", "ru": "К сожалению, не получилось.",
        "uk": "На жаль, не вдалося.",
    },
    "error.invalid_input": {
        "tr": "Lütfen girdiğiniz bilgiyi kontrol edin.", "ar": "يرجى التحقق مما أدخلته.",
        "ru": "Пожалуйста, проверьте введённые данные.", "uk": "Будь ласка, перевірте введені дані.",
    },
    "error.unknown_join_code": {
        "tr": "“{code}” koduyla açık bir atölye yok. Lütfen projeksiyondaki kodu tekrar kontrol edin.",
        "ar": "لا توجد ورشة عمل مفتوحة بالرمز «{code}». يرجى التحقق مرة أخرى من الرمز على الشاشة الكبيرة.",
        "ru": "Открытого семинара с кодом «{code}» нет. Пожалуйста, ещё раз проверьте код на экране проектора.",
        "uk": "Відкритого семінару з кодом «{code}» немає. Будь ласка, ще раз перевірте код на екрані проєктора.",
    },
    "error.unknown_participant": {
        "tr": "Bu katılım bağlantısı tanınmıyor. Lütfen projeksiyondaki kodla yeniden katılın.",
        "ar": "رابط المشاركة هذا غير معروف. يرجى الانضمام من جديد بالرمز الظاهر على الشاشة الكبيرة.",
        "ru": "Эта ссылка для участия неизвестна. Пожалуйста, войдите снова с кодом с экрана проектора.",
        "uk": "Це посилання для участі невідоме. Будь ласка, увійдіть знову з кодом з екрана проєктора.",
    },
    "error.unknown_workshop": {
        "tr": "Bu atölye bulunamadı (artık mevcut değil).",
        "ar": "ورشة العمل هذه غير موجودة (أو لم تعد موجودة).",
        "ru": "Такого семинара нет (или уже нет).",
        "uk": "Такого семінару немає (або вже немає).",
    },
    "error.unknown_field": {
        "tr": "“{field}” eylem alanı bu atölyeye ait değil.",
        "ar": "مجال العمل «{field}» ليس جزءاً من ورشة العمل هذه.",
        "ru": "Сфера «{field}» не относится к этому семинару.",
        "uk": "Сфера «{field}» не належить до цього семінару.",
    },
    "error.unknown_sector": {
        "tr": "Bu atölyede “{sector}” diye bir alan yok.",
        "ar": "القطاع «{sector}» غير موجود في ورشة العمل هذه.",
        "ru": "Сектора «{sector}» в этом семинаре нет.",
        "uk": "Сектора «{sector}» у цьому семінарі немає.",
    },
    "error.invalid_level": {
        "tr": "“{level}” ölçekte bir seviye değil. Geçerli olanlar: {levels} veya “değerlendiremiyorum”.",
        "ar": "«{level}» ليس مستوى في المقياس. المسموح: {levels} أو «لا أستطيع التقييم».",
        "ru": "«{level}» – не уровень шкалы. Можно: {levels} или «не могу оценить».",
        "uk": "«{level}» – не рівень шкали. Можна: {levels} або «не можу оцінити».",
    },
    "error.rating_closed": {
        "tr": "Değerlendirme şu anda açık değil. Kaydedilmiş yanıtlarınız korunur.",
        "ar": "التقييم غير مفتوح حالياً. إجاباتك المحفوظة تبقى كما هي.",
        "ru": "Оценка сейчас не открыта. Сохранённые ответы никуда не пропадут.",
        "uk": "Оцінювання зараз не відкрите. Збережені відповіді нікуди не зникнуть.",
    },
    "error.workshop_closed": {
        "tr": "Bu atölye sona erdi. Katıldığınız için çok teşekkürler!",
        "ar": "انتهت ورشة العمل هذه. شكراً جزيلاً على مشاركتك!",
        "ru": "Этот семинар завершён. Спасибо за участие!",
        "uk": "Цей семінар завершено. Дякуємо за участь!",
    },
    "error.unknown_group": {
        "tr": "Bu grup bu atölyede bulunamadı (artık mevcut değil).",
        "ar": "هذه المجموعة غير موجودة (أو لم تعد موجودة) في ورشة العمل هذه.",
        "ru": "Такой группы в этом семинаре нет (или уже нет).",
        "uk": "Такої групи в цьому семінарі немає (або вже немає).",
    },
    "error.group_needed": {
        "tr": "Lütfen önce grubunuzu seçin.", "ar": "يرجى اختيار مجموعتك أولاً.",
        "ru": "Сначала выберите свою группу.", "uk": "Спершу виберіть свою групу.",
    },
    "error.field_not_in_group": {
        "tr": "Grubunuz “{group}” bu eylem alanında çalışmıyor. Lütfen grubunuzun alanlarından birini seçin.",
        "ar": "مجموعتك «{group}» لا تعمل على مجال العمل هذا. يرجى اختيار أحد مجالات مجموعتك.",
        "ru": "Ваша группа «{group}» не работает над этой сферой. Выберите, пожалуйста, сферу своей группы.",
        "uk": "Ваша група «{group}» не працює над цією сферою. Будь ласка, виберіть сферу своєї групи.",
    },
    "error.unknown_card": {
        "tr": "Bu kart bulunamadı (artık mevcut değil).",
        "ar": "هذه البطاقة غير موجودة (أو لم تعد موجودة).",
        "ru": "Такой карточки нет (или уже нет).",
        "uk": "Такої картки немає (або вже немає).",
    },
    "error.not_your_card": {
        "tr": "Yalnızca kendi kartlarınızı değiştirebilirsiniz.", "ar": "يمكنك تعديل بطاقاتك أنت فقط.",
        "ru": "Изменять можно только свои карточки.", "uk": "Змінювати можна лише свої картки.",
    },
    "error.card_moderated": {
        "tr": "Moderatör bu kartı zaten düzenledi, bu yüzden artık değiştirilemez.",
        "ar": "عدّل الميسّر هذه البطاقة بالفعل، لذلك لم يعد من الممكن تغييرها.",
        "ru": "Ведущий уже отредактировал эту карточку, поэтому изменить её больше нельзя.",
        "uk": "Ведучий уже відредагував цю картку, тому змінити її більше не можна.",
    },
    "error.cards_closed": {
        "tr": "Şu anda kart yazılamaz veya değiştirilemez. Kaydedilmiş kartlarınız korunur.",
        "ar": "لا يمكن كتابة البطاقات أو تعديلها حالياً. بطاقاتك المحفوظة تبقى كما هي.",
        "ru": "Сейчас нельзя писать или менять карточки. Сохранённые карточки никуда не пропадут.",
        "uk": "Зараз не можна писати чи змінювати картки. Збережені картки нікуди не зникнуть.",
    },
    "error.voting_closed": {
        "tr": "Puanlama şu anda açık değil. Kaydedilmiş puanlarınız korunur.",
        "ar": "توزيع النقاط غير مفتوح حالياً. نقاطك المحفوظة تبقى كما هي.",
        "ru": "Голосование сейчас не открыто. Сохранённые баллы никуда не пропадут.",
        "uk": "Голосування зараз не відкрите. Збережені бали нікуди не зникнуть.",
    },
    "error.card_not_votable": {
        "tr": "Bu karta puan verilemez – puanlar yalnızca görünen eylem ihtiyaçlarına ve fikirlere verilir.",
        "ar": "لا يمكن إعطاء نقاط لهذه البطاقة – النقاط فقط لما يحتاج إلى عمل وللأفكار الظاهرة.",
        "ru": "Этой карточке нельзя дать баллы – баллы дают только видимым мерам и идеям.",
        "uk": "Цій картці не можна дати бали – бали дають лише видимим потрібним діям та ідеям.",
    },
    "error.dot_budget_exceeded": {
        "tr": "{budget} puanınızın hepsi dağıtıldı. Başka bir karttan bir puan geri alın.",
        "ar": "وزّعت كل نقاطك وعددها {budget}. استرجع نقطة من بطاقة أخرى.",
        "ru": "Все ваши баллы ({budget}) распределены. Заберите балл с другой карточки.",
        "uk": "Усі ваші бали ({budget}) розподілено. Заберіть бал з іншої картки.",
    },
    "error.dot_budget_too_few": {
        "tr": "Bu kadar puan artık boş değil (kalan: {left} / {budget}). Daha az seçin ya da başka bir karttan puan geri alın.",
        "ar": "لم يعد لديك هذا العدد من النقاط (المتبقي: {left} من {budget}). اختر عدداً أقل أو استرجع نقطة من بطاقة أخرى.",
        "ru": "Столько баллов уже нет (свободно: {left} из {budget}). Выберите меньше или заберите балл с другой карточки.",
        "uk": "Стільки балів уже немає (вільно: {left} з {budget}). Виберіть менше або заберіть бал з іншої картки.",
    },
    "error.dots_changed": {
        "tr": "Bu kartın puanları bu arada değişti, belki başka bir pencerede. Şu an kayıtlı: {stored}. Lütfen yeniden seçin.",
        "ar": "تغيّرت نقاط هذه البطاقة في الأثناء، ربما في نافذة أخرى. المحفوظ الآن: {stored}. يرجى الاختيار مرة أخرى.",
        "ru": "Баллы на этой карточке тем временем изменились, возможно, в другом окне. Сейчас сохранено: {stored}. Пожалуйста, выберите ещё раз.",
        "uk": "Бали на цій картці тим часом змінилися, можливо, в іншому вікні. Зараз збережено: {stored}. Будь ласка, виберіть ще раз.",
    },
    "error.workshop_full": {
        "tr": "Bu çalıştay dolu ({cap} cihaz katıldı). Lütfen moderatöre başvurun.",
        "ar": "هذه الورشة ممتلئة (انضم {cap} جهازاً). يرجى التوجه إلى المنسّق.",
        "ru": "В этом семинаре больше нет мест (подключено устройств: {cap}). Пожалуйста, обратитесь к модератору.",
        "uk": "У цьому семінарі більше немає місць (підключено пристроїв: {cap}). Будь ласка, зверніться до модератора.",
    },
    "error.dots_per_card_exceeded": {
        "tr": "Kart başına en fazla {max} puan.",
        "ar": "الحد الأقصى لكل بطاقة: {max}.",
        "ru": "Максимум баллов на одну карточку: {max}.",
        "uk": "Максимум балів на одну картку: {max}.",
    },
    "problem.card_too_short": {
        "tr": "Kart çok kısa: lütfen en az {min} karakter yazın.",
        "ar": "البطاقة قصيرة جداً: يرجى كتابة {min} أحرف على الأقل.",
        "ru": "Карточка слишком короткая: напишите не меньше {min} знаков.",
        "uk": "Картка закоротка: напишіть щонайменше {min} знаків.",
    },
    "problem.card_too_long": {
        "tr": "Kart çok uzun: {length} karakter, en fazla {max} olabilir. Lütfen kısaltın – metniniz duruyor.",
        "ar": "البطاقة طويلة جداً: عدد الأحرف {length} والحد الأقصى {max}. يرجى الاختصار – نصّك ما زال موجوداً.",
        "ru": "Карточка слишком длинная: знаков – {length}, можно не больше {max}. Сократите, пожалуйста, – ваш текст сохранился.",
        "uk": "Картка задовга: знаків – {length}, можна не більше {max}. Будь ласка, скоротіть – ваш текст нікуди не зник.",
    },
    "problem.unknown_kind": {
        "tr": "“{kind}” bir kart türü değil. Olası türler: güçlü yön, eylem ihtiyacı ve fikir.",
        "ar": "«{kind}» ليس نوعاً من البطاقات. الأنواع الممكنة: نقطة قوة، يحتاج إلى عمل، فكرة.",
        "ru": "«{kind}» – не тип карточки. Возможны: сильная сторона, нужны меры, идея.",
        "uk": "«{kind}» – не тип картки. Можливі: сильна сторона, потрібні дії, ідея.",
    },
    "problem.group_tablet_needs_group": {
        "tr": "Grup tableti için bir grup gerekir. Lütfen moderatörden grubun bağlantısını alın.",
        "ar": "الجهاز اللوحي للمجموعة يحتاج إلى مجموعة. يرجى استخدام رابط المجموعة من الميسّر.",
        "ru": "Планшету группы нужна группа. Используйте, пожалуйста, ссылку группы от ведущего.",
        "uk": "Планшету групи потрібна група. Будь ласка, скористайтеся посиланням групи від ведучого.",
    },
    "error.storage_full": {
        "tr": "Kaydedilmedi: Sunucudaki depolama alanı dolu. Son girdiğiniz bilgiden hiçbir şey alınmadı; "
        "daha önce kaydedilen her şey güvende. Moderatörün (ya da sunucuyla ilgilenen kişinin) yer açması "
        "gerekiyor – sonra girişinizi tekrarlamanız yeterli.",
        "ar": "لم يتم الحفظ: مساحة التخزين على الخادم ممتلئة. لم يُحفظ شيء من إدخالك الأخير، وكل ما حُفظ من قبل "
        "يبقى آمناً. على الميسّر (أو من يدير الخادم) توفير مساحة – ثم أعد الإدخال ببساطة.",
        "ru": "Не сохранено: на сервере закончилось место. Из вашего последнего ввода ничего не записано; всё, "
        "что было сохранено раньше, в целости. Ведущему (или тому, кто обслуживает сервер) нужно освободить "
        "место – потом просто повторите ввод.",
        "uk": "Не збережено: на сервері закінчилося місце. З вашого останнього введення нічого не записано; усе, "
        "що було збережено раніше, у безпеці. Ведучому (або тому, хто обслуговує сервер) треба звільнити "
        "місце – потім просто повторіть введення.",
    },
    "error.storage_read_only": {
        "tr": "Kaydedilmedi: Sunucudaki veritabanı dosyası yazmaya karşı korumalı. Son girdiğiniz bilgiden hiçbir "
        "şey alınmadı; daha önce kaydedilen her şey güvende. Moderatörün (ya da sunucuyla ilgilenen kişinin) "
        "dosyayı ve klasörünü yeniden yazılabilir yapması gerekiyor – sonra girişinizi tekrarlamanız yeterli.",
        "ar": "لم يتم الحفظ: ملف قاعدة البيانات على الخادم محمي من الكتابة. لم يُحفظ شيء من إدخالك الأخير، وكل ما "
        "حُفظ من قبل يبقى آمناً. على الميسّر (أو من يدير الخادم) جعل الملف ومجلده قابلين للكتابة من جديد – "
        "ثم أعد الإدخال ببساطة.",
        "ru": "Не сохранено: файл базы данных на сервере защищён от записи. Из вашего последнего ввода ничего не "
        "записано; всё, что было сохранено раньше, в целости. Ведущему (или тому, кто обслуживает сервер) нужно "
        "снова разрешить запись в файл и его папку – потом просто повторите ввод.",
        "uk": "Не збережено: файл бази даних на сервері захищений від запису. З вашого останнього введення нічого "
        "не записано; усе, що було збережено раніше, у безпеці. Ведучому (або тому, хто обслуговує сервер) "
        "треба знову дозволити запис у файл і його теку – потім просто повторіть введення.",
    },
    "problem.bad_dots": {
        "tr": "“{dots}” geçerli bir puan sayısı değil.",
        "ar": "«{dots}» ليس عدداً صالحاً من النقاط.",
        "ru": "«{dots}» – недопустимое число баллов.",
        "uk": "«{dots}» – неприпустима кількість балів.",
    },
    # --- the light participant client (werkstatt.web) ----------------------------------
    "web.title": {"tr": "Katılın", "ar": "شارك", "ru": "Участвовать", "uk": "Взяти участь"},
    "web.skip": {"tr": "İçeriğe geç", "ar": "انتقل إلى المحتوى", "ru": "Перейти к содержанию", "uk": "Перейти до змісту"},
    "web.code.intro": {
        "tr": "Projeksiyonda görünen kodu yazın. Büyük ya da küçük harf fark etmez.",
        "ar": "اكتب الرمز الظاهر على الشاشة الكبيرة. لا فرق بين الأحرف الكبيرة والصغيرة.",
        "ru": "Введите код с экрана проектора. Заглавные или строчные буквы – неважно.",
        "uk": "Введіть код з екрана проєктора. Великі чи малі літери – неважливо.",
    },
    "web.code.missing": {
        "tr": "Lütfen projeksiyondaki kodu yazın.", "ar": "يرجى كتابة الرمز الظاهر على الشاشة الكبيرة.",
        "ru": "Пожалуйста, введите код с экрана проектора.", "uk": "Будь ласка, введіть код з екрана проєктора.",
    },
    "web.code.hint": {
        "tr": "6 karakter, örneğin K7Q2XY", "ar": "6 رموز، مثلاً K7Q2XY",
        "ru": "6 символов, например K7Q2XY", "uk": "6 символів, наприклад K7Q2XY",
    },
    "web.sector.none": {"tr": "Belirtmek istemiyorum", "ar": "أفضّل عدم الذكر", "ru": "Не указывать", "uk": "Не вказувати"},
    "web.join.again": {
        "tr": "Bu cihazla zaten katıldınız.", "ar": "لقد انضممت بالفعل من هذا الجهاز.",
        "ru": "С этого устройства вы уже участвуете.", "uk": "З цього пристрою ви вже берете участь.",
    },
    "web.join.continue": {
        "tr": "Yanıtlarıma devam et", "ar": "المتابعة إلى إجاباتي", "ru": "Перейти к моим ответам",
        "uk": "Перейти до моїх відповідей",
    },
    "web.join.new": {
        "tr": "Ya da bu cihazı başka biri kullanıyorsa aşağıdan yeniden katılın.",
        "ar": "أو انضم من جديد أدناه إذا كان شخص آخر يستخدم هذا الجهاز.",
        "ru": "Или подключитесь заново ниже, если этим устройством пользуется кто-то другой.",
        "uk": "Або приєднайтеся заново нижче, якщо цим пристроєм користується хтось інший.",
    },
    "web.error.title": {"tr": "Bu olmadı", "ar": "لم ينجح ذلك", "ru": "Не получилось", "uk": "Не вдалося"},
    "web.rating.send": {
        "tr": "Değerlendirmeyi kaydet", "ar": "حفظ التقييم", "ru": "Сохранить оценку", "uk": "Зберегти оцінку",
    },
    "web.group": {"tr": "Grubunuz:", "ar": "مجموعتك:", "ru": "Ваша группа:", "uk": "Ваша група:"},
    "web.group_tablet": {
        "tr": "Şu grubun ortak tableti:", "ar": "الجهاز اللوحي المشترك للمجموعة:",
        "ru": "Общий планшет группы:", "uk": "Спільний планшет групи:",
    },
    "web.group.fields": {"tr": "Konularınız:", "ar": "مواضيعك:", "ru": "Ваши темы:", "uk": "Ваші теми:"},
    "web.group.choose": {"tr": "Grubu seç", "ar": "اختيار المجموعة", "ru": "Выбрать группу", "uk": "Вибрати групу"},
    "web.group.chosen": {
        "tr": "Grubunuz kaydedildi.", "ar": "تم حفظ مجموعتك.", "ru": "Ваша группа сохранена.", "uk": "Вашу групу збережено.",
    },
    "web.card.field": {"tr": "Hangi konu hakkında?", "ar": "عن أي موضوع؟", "ru": "На какую тему?", "uk": "На яку тему?"},
    "web.card.kept": {
        "tr": "Metniniz burada kalır ve giriş yeniden açılınca gönderilebilir.",
        "ar": "يبقى نصك هنا ويمكن إرساله بمجرد أن يُفتح الإدخال من جديد.",
        "ru": "Ваш текст останется здесь, и его можно будет отправить, как только ввод снова откроют.",
        "uk": "Ваш текст залишиться тут, і його можна буде надіслати, щойно введення знову відкриють.",
    },
    "web.card.count": {
        "tr": "{n} / {max} karakter", "ar": "{n} من {max} حرفاً", "ru": "{n} из {max} знаков", "uk": "{n} з {max} знаків",
    },
    "web.dots.legend": {
        "tr": "Bu karta puanlarınız", "ar": "نقاطك لهذه البطاقة", "ru": "Ваши баллы за эту карточку",
        "uk": "Ваші бали за цю картку",
    },
    "web.dots.send": {"tr": "Puanları kaydet", "ar": "حفظ النقاط", "ru": "Сохранить баллы", "uk": "Зберегти бали"},
    "web.dots.none_yet": {
        "tr": "Henüz puanlanacak kart yok. Bu sayfa kendiliğinden değişir.",
        "ar": "لا توجد بطاقات للتصويت بعد. تتغير هذه الصفحة من تلقاء نفسها.",
        "ru": "Карточек для голосования пока нет. Эта страница обновится сама.",
        "uk": "Карток для голосування поки немає. Ця сторінка оновиться сама.",
    },
    "web.dots.on_field": {
        "tr": "Buradaki puanlarınız: {n}", "ar": "نقاطك هنا: {n}", "ru": "Ваши баллы здесь: {n}", "uk": "Ваші бали тут: {n}",
    },
    "web.results.title": {
        "tr": "Salonun sonucu", "ar": "نتيجة القاعة", "ru": "Результат всего зала", "uk": "Результат усієї зали",
    },
    "web.results.median": {
        "tr": "Ortadaki değerlendirme (medyan): {level}", "ar": "التقييم الأوسط (الوسيط): {level}",
        "ru": "Средняя оценка (медиана): {level}", "uk": "Середня оцінка (медіана): {level}",
    },
    "web.results.answers": {"tr": "Yanıtlar: {n}", "ar": "الإجابات: {n}", "ru": "Ответов: {n}", "uk": "Відповідей: {n}"},
    "web.results.yours": {
        "tr": "Sizin yanıtınız: {level}", "ar": "إجابتك: {level}", "ru": "Ваш ответ: {level}", "uk": "Ваша відповідь: {level}",
    },
    "web.offline": {
        "tr": "Bağlantı yok. Girdiğiniz bilgi bu cihazda saklanıyor ve ağ geri gelince gönderilecek.",
        "ar": "لا يوجد اتصال. إدخالك محفوظ على هذا الجهاز وسيُرسل بمجرد عودة الشبكة.",
        "ru": "Нет соединения. Ваш ввод сохранён на этом устройстве и будет отправлен, как только сеть вернётся.",
        "uk": "Немає з'єднання. Ваше введення збережено на цьому пристрої й буде надіслано, щойно мережа повернеться.",
    },
    "web.sending": {"tr": "Gönderiliyor …", "ar": "جارٍ الإرسال …", "ru": "Отправляется …", "uk": "Надсилається …"},
    "web.back_online": {
        "tr": "Yeniden bağlandı. Her şey gönderildi.", "ar": "عاد الاتصال. تم إرسال كل شيء.",
        "ru": "Соединение восстановлено. Всё отправлено.", "uk": "З'єднання відновлено. Усе надіслано.",
    },
    "web.not_found": {
        "tr": "Bu bağlantıyı tanımıyoruz. Lütfen projeksiyondaki kodu yazın.",
        "ar": "لا نعرف هذا الرابط. يرجى كتابة الرمز الظاهر على الشاشة الكبيرة.",
        "ru": "Эта ссылка нам неизвестна. Пожалуйста, введите код с экрана проектора.",
        "uk": "Це посилання нам невідоме. Будь ласка, введіть код з екрана проєктора.",
    },
    "web.too_large": {
        "tr": "Bir seferde çok fazla metin gönderildi. Lütfen daha kısa yazın.",
        "ar": "كان النص طويلاً جداً دفعة واحدة. يرجى الاختصار.",
        "ru": "Слишком много текста за раз. Пожалуйста, покороче.",
        "uk": "Забагато тексту за раз. Будь ласка, коротше.",
    },
    # --- the verdicts on a participant's results screen -------------------------------
    "verdict.strength": {"tr": "Güçlü yön", "ar": "نقطة قوة", "ru": "Сильная сторона", "uk": "Сильна сторона"},
    "verdict.gap": {"tr": "Eylem ihtiyacı", "ar": "يحتاج إلى عمل", "ru": "Нужны меры", "uk": "Потрібні дії"},
    "verdict.contested": {"tr": "tartışmalı", "ar": "مختلف عليه", "ru": "спорно", "uk": "спірно"},
    "verdict.too_few": {"tr": "yanıt çok az", "ar": "إجابات قليلة جداً", "ru": "слишком мало ответов", "uk": "замало відповідей"},
}
