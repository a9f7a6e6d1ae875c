<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Post tasks to the AITasker marketplace and follow them, without writing code.</source>
        <translation>Aufgaben auf dem AITasker-Marktplatz einstellen und verfolgen, ohne zu programmieren.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Built with Qt %1 (PySide6 %2) and Python %3.</source>
        <translation>Erstellt mit Qt %1 (PySide6 %2) und Python %3.</translation>
    </message>
    <message>
        <source>This program uses Qt and PySide6 (Qt for Python) version %1, © The Qt Company Ltd. and other contributors, under the %2. They are included unchanged as separate libraries, which you may replace with your own build. Their source code is available from %3 (Qt) and %4 (PySide6).</source>
        <translation>Dieses Programm verwendet Qt und PySide6 (Qt for Python) in Version %1, © The Qt Company Ltd. und weitere Mitwirkende, unter der %2. Sie sind unverändert als eigene Bibliotheken enthalten, die Sie durch Ihre eigene Version ersetzen dürfen. Ihren Quellcode erhalten Sie unter %3 (Qt) und %4 (PySide6).</translation>
    </message>
    <message>
        <source>GNU Lesser General Public License version 3 (LGPL v3)</source>
        <translation>GNU Lesser General Public License Version 3 (LGPL v3)</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Divider: drag to resize</source>
        <translation>Trennlinie: zum Ändern der Größe ziehen</translation>
    </message>
</context>
<context>
    <name>AccountController</name>
    <message>
        <source>%1 The key is used for this session only.</source>
        <translation>%1 Der Schlüssel wird nur in dieser Sitzung verwendet.</translation>
    </message>
    <message>
        <source>Forget this key?</source>
        <translation>Diesen Schlüssel vergessen?</translation>
    </message>
    <message>
        <source>Remove your API key from this computer? Your drafts stay. You will need to paste the key again to post or follow tasks.</source>
        <translation>Ihren API-Schlüssel von diesem Computer entfernen? Ihre Entwürfe bleiben. Um Aufgaben einzustellen oder zu verfolgen, müssen Sie den Schlüssel dann wieder einfügen.</translation>
    </message>
    <message>
        <source>Forget key</source>
        <translation>Schlüssel vergessen</translation>
    </message>
    <message>
        <source>Your API key was removed from this computer. Your drafts are still here.</source>
        <translation>Ihr API-Schlüssel wurde von diesem Computer entfernt. Ihre Entwürfe sind noch da.</translation>
    </message>
    <message>
        <source>Used for this demo only.</source>
        <translation>Nur für diese Demo verwendet.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Kept for this session only.</source>
        <translation>Nur für diese Sitzung behalten.</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>A request you confirmed is on its way to AITasker. Quit when its answer is in, or quit now? If you quit now, the app checks at its next start what AITasker did with it.</source>
        <translation>Eine Anfrage, die Sie bestätigt haben, ist auf dem Weg zu AITasker. Beenden, sobald die Antwort da ist, oder jetzt beenden? Wenn Sie jetzt beenden, prüft die App beim nächsten Start, was AITasker damit gemacht hat.</translation>
    </message>
    <message>
        <source>Wait, then quit</source>
        <translation>Warten, dann beenden</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Jetzt beenden</translation>
    </message>
</context>
<context>
    <name>AwayNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss what happened while you were away</source>
        <translation>Hinweis auf das, was in Ihrer Abwesenheit geschah, schließen</translation>
    </message>
    <message>
        <source>Open this task</source>
        <translation>Diese Aufgabe öffnen</translation>
    </message>
</context>
<context>
    <name>CategoryChooser</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabenart</translation>
    </message>
    <message>
        <source>Pick from the list, or type the kind of task if it is not there.</source>
        <translation>Wählen Sie aus der Liste, oder tippen Sie die Art der Aufgabe ein, wenn sie fehlt.</translation>
    </message>
    <message>
        <source>Choose a category…</source>
        <translation>Kategorie wählen …</translation>
    </message>
    <message>
        <source>Choose a category first, or type a task type</source>
        <translation>Zuerst eine Kategorie wählen, oder eine Aufgabenart eintippen</translation>
    </message>
    <message>
        <source>Choose or type a task type</source>
        <translation>Aufgabenart wählen oder eintippen</translation>
    </message>
    <message>
        <source>Type the kind of task, e.g. press release</source>
        <translation>Art der Aufgabe eintippen, z. B. Pressemitteilung</translation>
    </message>
    <message>
        <source>%1 is the only task type listed for %2, so it is filled in. You may type another.</source>
        <translation>%1 ist die einzige Aufgabenart für %2 und wurde deshalb eingetragen. Sie können eine andere eintippen.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect your AITasker account</source>
        <translation>Ihr AITasker-Konto verbinden</translation>
    </message>
    <message>
        <source>aitk_live_…</source>
        <translation>aitk_live_…</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>API-&amp;Adresse</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>✓ AITasker answered at this address.</source>
        <translation>✓ AITasker hat unter dieser Adresse geantwortet.</translation>
    </message>
    <message>
        <source>✗ AITasker could not be reached at this address. Check your connection and the address.</source>
        <translation>✗ AITasker war unter dieser Adresse nicht erreichbar. Prüfen Sie Ihre Verbindung und die Adresse.</translation>
    </message>
    <message>
        <source>✗ The address answered, but not like AITasker: %1</source>
        <translation>✗ Die Adresse hat geantwortet, aber nicht wie AITasker: %1</translation>
    </message>
    <message>
        <source>✓ Your API key works.</source>
        <translation>✓ Ihr API-Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>✗ The key could not be checked: %1</source>
        <translation>✗ Der Schlüssel konnte nicht geprüft werden: %1</translation>
    </message>
</context>
<context>
    <name>DraftsController</name>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Your latest typing could not be saved.</source>
        <translation>Was Sie zuletzt eingegeben haben, konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Keep the app open and it saves your text as soon as it can, or copy it to paste it somewhere safe. If you quit anyway, what you typed since the last save is lost.</source>
        <translation>Lassen Sie die App geöffnet, dann speichert sie Ihren Text, sobald es geht, oder kopieren Sie ihn, um ihn an einem sicheren Ort einzufügen. Wenn Sie trotzdem beenden, geht verloren, was Sie seit dem letzten Speichern eingegeben haben.</translation>
    </message>
    <message>
        <source>Keep the app open</source>
        <translation>App geöffnet lassen</translation>
    </message>
    <message>
        <source>Copy it</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <source>What you typed is on the clipboard. Paste it somewhere safe before you quit: the app still cannot save it.</source>
        <translation>Ihr Text ist in der Zwischenablage. Fügen Sie ihn an einem sicheren Ort ein, bevor Sie beenden: Die App kann ihn noch immer nicht speichern.</translation>
    </message>
    <message>
        <source>A new draft like “%1”: check it, then send it.</source>
        <translation>Ein neuer Entwurf wie „%1“: Prüfen Sie ihn, dann senden Sie ihn.</translation>
    </message>
    <message>
        <source>Your changes are kept as a new draft. The earlier version (“%1”) may already be posted; it stays in Drafts as “Not sure it was sent” until you check it.</source>
        <translation>Ihre Änderungen werden als neuer Entwurf behalten. Die frühere Version („%1“) ist vielleicht schon eingestellt; sie bleibt als „Unklar, ob gesendet“ unter Entwürfe, bis Sie sie prüfen.</translation>
    </message>
    <message>
        <source>This draft was already sent or removed; what you typed is kept as a new draft.</source>
        <translation>Dieser Entwurf wurde schon gesendet oder entfernt; was Sie getippt haben, wird als neuer Entwurf behalten.</translation>
    </message>
    <message>
        <source>This task is on its way right now and can&apos;t be opened for editing.</source>
        <translation>Diese Aufgabe ist gerade unterwegs und kann nicht zum Bearbeiten geöffnet werden.</translation>
    </message>
    <message>
        <source>Taken out of the outbox so you can edit it. Send it again when ready.</source>
        <translation>Aus dem Postausgang genommen, damit Sie sie bearbeiten können. Senden Sie sie erneut, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Drafts (%1)</source>
        <translation>Entwürfe (%1)</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
</context>
<context>
    <name>DraftsPanel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Not sure it was sent</source>
        <translation>Unklar, ob gesendet</translation>
    </message>
    <message>
        <source>Waiting for credit</source>
        <translation>Wartet auf Guthaben</translation>
    </message>
    <message>
        <source>Drafts and tasks waiting to send</source>
        <translation>Entwürfe und Aufgaben, die auf das Senden warten</translation>
    </message>
    <message>
        <source>No drafts. What you type in the form is saved here by itself.</source>
        <translation>Keine Entwürfe. Was Sie ins Formular tippen, wird hier von selbst gespeichert.</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Take out of outbox</source>
        <translation>Aus dem Postausgang nehmen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Als Entwurf behalten</translation>
    </message>
    <message>
        <source>Add credit on the website</source>
        <translation>Guthaben auf der Website aufladen</translation>
    </message>
    <message>
        <source> (open in the form)</source>
        <translation> (im Formular geöffnet)</translation>
    </message>
    <message>
        <source>%1%2
%3 · changed %4</source>
        <translation>%1%2
%3 · geändert %4</translation>
    </message>
    <message>
        <source>This task may or may not be on AITasker: we can&apos;t tell whether it arrived.</source>
        <translation>Diese Aufgabe ist vielleicht bei AITasker, vielleicht nicht: Wir wissen nicht, ob sie angekommen ist.</translation>
    </message>
    <message>
        <source>%1 Check your tasks on aitasker.co if you can. “Send again” asks AITasker to post it with the same reference as before; “Keep as draft” sends nothing.</source>
        <translation>%1 Sehen Sie, wenn möglich, unter aitasker.co nach. „Erneut senden“ bittet AITasker, sie mit derselben Kennung wie zuvor einzustellen; „Als Entwurf behalten“ sendet nichts.</translation>
    </message>
    <message>
        <source>%1 It waits here; after adding credit, press Refresh on Your tasks to send it.</source>
        <translation>%1 Sie wartet hier; nachdem Sie Guthaben aufgeladen haben, drücken Sie unter „Ihre Aufgaben“ auf „Aktualisieren“, um sie zu senden.</translation>
    </message>
    <message>
        <source>Not enough credit.</source>
        <translation>Nicht genug Guthaben.</translation>
    </message>
    <message>
        <source>This task will be sent by itself when AITasker can be reached.</source>
        <translation>Diese Aufgabe wird von selbst gesendet, sobald AITasker erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>FinalWorkPart</name>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>ZIP archive</source>
        <translation>ZIP-Archiv</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The final work is not here yet. It appears here when the agent delivers it.</source>
        <translation>Das Endergebnis ist noch nicht da. Es erscheint hier, sobald der Agent es liefert.</translation>
    </message>
    <message>
        <source>Items of the final work</source>
        <translation>Teile des Endergebnisses</translation>
    </message>
    <message>
        <source>Plus and minus zoom, 0 fits the picture, 1 shows it at 100 %.</source>
        <translation>Plus und Minus zoomen, 0 passt das Bild ein, 1 zeigt es in 100 %.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Between the items and the current item</source>
        <translation>Zwischen der Liste und dem gewählten Teil</translation>
    </message>
    <message>
        <source>This delivery has nothing this app can show or save.</source>
        <translation>Diese Lieferung enthält nichts, was die App zeigen oder speichern kann.</translation>
    </message>
    <message>
        <source>Delivered by %1, %2.</source>
        <translation>Geliefert von %1, %2.</translation>
    </message>
    <message>
        <source>Delivered by %1.</source>
        <translation>Geliefert von %1.</translation>
    </message>
    <message>
        <source>Delivered %1.</source>
        <translation>Geliefert %1.</translation>
    </message>
    <message>
        <source>This is delivery %1, after the changes you asked for.</source>
        <translation>Dies ist Lieferung %1, nach den von Ihnen gewünschten Änderungen.</translation>
    </message>
    <message>
        <source>The agent says: “%1”</source>
        <translation>Der Agent schreibt: „%1“</translation>
    </message>
    <message>
        <source>Picture (%1)</source>
        <translation>Bild (%1)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>File (%1)</source>
        <translation>Datei (%1)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Saves %1 where you choose</source>
        <translation>Speichert %1 an einem Ort Ihrer Wahl</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>Das Bild wird geladen…</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Text: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>Sent as: %1</source>
        <translation>Gesendet als: %1</translation>
    </message>
    <message>
        <source>Fitted (%1 %)</source>
        <translation>Eingepasst (%1 %)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Cancel posting</source>
        <translation>Einstellen abbrechen</translation>
    </message>
    <message>
        <source>&amp;New task</source>
        <translation>&amp;Neue Aufgabe</translation>
    </message>
    <message>
        <source>Start a fresh task; this one stays in Drafts (Ctrl+N)</source>
        <translation>Eine neue Aufgabe beginnen; diese bleibt unter Entwürfe (Strg+N)</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AITasker Desktop — demo</source>
        <translation>AITasker Desktop — Demo</translation>
    </message>
    <message>
        <source>Your tasks and drafts</source>
        <translation>Ihre Aufgaben und Entwürfe</translation>
    </message>
    <message>
        <source>Your tasks</source>
        <translation>Ihre Aufgaben</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Your saved drafts file could not be read, so a new one was started. The old file was kept here: %1</source>
        <translation>Ihre gespeicherte Entwurfsdatei konnte nicht gelesen werden, deshalb wurde eine neue angelegt. Die alte Datei liegt hier: %1</translation>
    </message>
    <message>
        <source>The app closed while a task was being sent. Open Drafts to check it: it is marked “Not sure it was sent”.</source>
        <translation>Das Programm wurde geschlossen, während eine Aufgabe gesendet wurde. Öffnen Sie die Entwürfe, um sie zu prüfen: Sie ist als „Unklar, ob gesendet“ markiert.</translation>
    </message>
    <message>
        <source>No task is waiting for your review right now.</source>
        <translation>Gerade wartet keine Aufgabe auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New task</source>
        <translation>&amp;Neue Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Export tasks…</source>
        <translation>Aufgaben e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Move between the form and your &amp;tasks</source>
        <translation>Zwischen Formular und Ihren Aufgaben &amp;wechseln</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Spending</source>
        <translation>&amp;Ausgaben</translation>
    </message>
    <message>
        <source>T&amp;asks</source>
        <translation>Auf&amp;gaben</translation>
    </message>
    <message>
        <source>&amp;Review next task</source>
        <translation>Nächste &amp;Prüfung öffnen</translation>
    </message>
    <message>
        <source>&amp;Add a task by its ID…</source>
        <translation>Aufgabe über ihre &amp;ID hinzufügen …</translation>
    </message>
    <message>
        <source>Acco&amp;unt</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Change API key or address…</source>
        <translation>API-Schlüssel oder Adresse ä&amp;ndern …</translation>
    </message>
    <message>
        <source>&amp;Forget this key</source>
        <translation>Diesen Schlüssel &amp;vergessen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About AITasker Desktop</source>
        <translation>Ü&amp;ber AITasker Desktop</translation>
    </message>
    <message>
        <source>Connect an AITasker account first.</source>
        <translation>Verbinden Sie zuerst ein AITasker-Konto.</translation>
    </message>
    <message>
        <source>Stopped waiting. Nothing was added; you can try again.</source>
        <translation>Das Warten wurde beendet. Es wurde nichts hinzugefügt; Sie können es erneut versuchen.</translation>
    </message>
    <message>
        <source>No task with that ID was found on your account.</source>
        <translation>In Ihrem Konto wurde keine Aufgabe mit dieser ID gefunden.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>MoneyController</name>
    <message>
        <source>The browser could not be opened. Add credit at %1</source>
        <translation>Der Browser konnte nicht geöffnet werden. Guthaben laden Sie hier auf: %1</translation>
    </message>
    <message>
        <source>“%1” still waits for credit: %2 is missing. It is sent when you press Refresh after adding credit.</source>
        <translation>„%1“ wartet noch auf Guthaben: Es fehlen %2. Sie wird gesendet, wenn Sie nach dem Aufladen auf „Aktualisieren“ drücken.</translation>
    </message>
    <message>
        <source>Add credit on the website</source>
        <translation>Guthaben auf der Website aufladen</translation>
    </message>
</context>
<context>
    <name>MoneyPart</name>
    <message>
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <source>Chosen version:</source>
        <translation>Gewählte Version:</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>Bezahlt:</translation>
    </message>
    <message>
        <source>Returned to your credit:</source>
        <translation>Ihrem Guthaben gutgeschrieben:</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Nicht bekannt</translation>
    </message>
    <message>
        <source>No version chosen yet</source>
        <translation>Noch keine Version gewählt</translation>
    </message>
    <message>
        <source>AITasker has not said</source>
        <translation>Von AITasker nicht angegeben</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
    <message>
        <source>The chosen version&apos;s price was paid; the rest of the budget came back to your credit.</source>
        <translation>Der Preis der gewählten Version wurde bezahlt; der Rest des Budgets ging an Ihr Guthaben zurück.</translation>
    </message>
    <message>
        <source>The chosen version&apos;s price was paid.</source>
        <translation>Der Preis der gewählten Version wurde bezahlt.</translation>
    </message>
    <message>
        <source>Nothing was paid: the budget came back to your credit.</source>
        <translation>Es wurde nichts bezahlt: Das Budget ging an Ihr Guthaben zurück.</translation>
    </message>
    <message>
        <source>Nothing is paid while AITasker looks into the problem you reported.</source>
        <translation>Solange AITasker das gemeldete Problem prüft, wird nichts bezahlt.</translation>
    </message>
    <message>
        <source>Nothing is paid until you approve the final work (or it is approved automatically).</source>
        <translation>Bezahlt wird erst, wenn Sie das Endergebnis freigeben (oder es automatisch freigegeben wird).</translation>
    </message>
</context>
<context>
    <name>MonthBars</name>
    <message>
        <source>%1: paid %2, open %3, refunded %4.</source>
        <translation>%1: bezahlt %2, offen %3, erstattet %4.</translation>
    </message>
    <message>
        <source>%1
Paid: %2
Open: %3
Refunded: %4</source>
        <translation>%1
Bezahlt: %2
Offen: %3
Erstattet: %4</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Open the review</source>
        <translation>Prüfung öffnen</translation>
    </message>
    <message>
        <source>Open the task</source>
        <translation>Aufgabe öffnen</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>This picture could not be shown.</source>
        <translation>Dieses Bild konnte nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>This picture is too large to show (%1 × %2 pixels).</source>
        <translation>Dieses Bild ist zu groß zum Anzeigen (%1 × %2 Pixel).</translation>
    </message>
</context>
<context>
    <name>ProgressPart</name>
    <message>
        <source>Steps of this task</source>
        <translation>Schritte dieser Aufgabe</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Wie es weitergeht</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschehen ist</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (jetzt)</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>Agents being found</source>
        <translation>Agenten werden gesucht</translation>
    </message>
    <message>
        <source>Agents making first versions</source>
        <translation>Agenten erstellen erste Versionen</translation>
    </message>
    <message>
        <source>Versions ready for you to choose from</source>
        <translation>Versionen zur Auswahl bereit</translation>
    </message>
    <message>
        <source>The agent asked you something</source>
        <translation>Der Agent hat Ihnen eine Frage gestellt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>You answered the agent</source>
        <translation>Sie haben dem Agenten geantwortet</translation>
    </message>
    <message>
        <source>The agent went on without an answer</source>
        <translation>Der Agent hat ohne Antwort weitergearbeitet</translation>
    </message>
    <message>
        <source>You asked for changes</source>
        <translation>Sie haben Änderungen angefordert</translation>
    </message>
    <message>
        <source>Changes asked for</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>You chose a version</source>
        <translation>Sie haben eine Version gewählt</translation>
    </message>
    <message>
        <source>A version was chosen</source>
        <translation>Eine Version wurde gewählt</translation>
    </message>
    <message>
        <source>Final work ready</source>
        <translation>Endergebnis bereit</translation>
    </message>
    <message>
        <source>Changed final work ready</source>
        <translation>Geändertes Endergebnis bereit</translation>
    </message>
    <message>
        <source>You approved the work</source>
        <translation>Sie haben die Arbeit freigegeben</translation>
    </message>
    <message>
        <source>Approved automatically</source>
        <translation>Automatisch freigegeben</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>You reported a problem</source>
        <translation>Sie haben ein Problem gemeldet</translation>
    </message>
    <message>
        <source>Problem reported</source>
        <translation>Problem gemeldet</translation>
    </message>
    <message>
        <source>You cancelled the task</source>
        <translation>Sie haben die Aufgabe abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>AITasker looks into the problem you reported.</source>
        <translation>AITasker prüft das von Ihnen gemeldete Problem.</translation>
    </message>
    <message>
        <source>Nothing more to do.</source>
        <translation>Es gibt nichts mehr zu tun.</translation>
    </message>
    <message>
        <source>First versions from agents, expected %1.</source>
        <translation>Erste Versionen der Agenten, erwartet %1.</translation>
    </message>
    <message>
        <source>First versions from agents.</source>
        <translation>Erste Versionen der Agenten.</translation>
    </message>
    <message>
        <source>Choose a version %1. If none is chosen by then, the task expires and no money is taken.</source>
        <translation>Wählen Sie eine Version %1. Wird bis dahin keine gewählt, läuft die Aufgabe ab und es wird kein Geld abgebucht.</translation>
    </message>
    <message>
        <source>Choose a version.</source>
        <translation>Wählen Sie eine Version.</translation>
    </message>
    <message>
        <source>The final work from the agent you chose, expected %1.</source>
        <translation>Das Endergebnis des gewählten Agenten, erwartet %1.</translation>
    </message>
    <message>
        <source>The final work from the agent you chose.</source>
        <translation>Das Endergebnis des gewählten Agenten.</translation>
    </message>
    <message>
        <source>Answer the agent&apos;s question %1. If you don&apos;t, the agent goes on without your answer.</source>
        <translation>Beantworten Sie die Frage des Agenten %1. Sonst arbeitet der Agent ohne Ihre Antwort weiter.</translation>
    </message>
    <message>
        <source>Answer the agent&apos;s question.</source>
        <translation>Beantworten Sie die Frage des Agenten.</translation>
    </message>
    <message>
        <source>Look at the final work, then approve it or ask for changes, %1. If you do neither, it is approved automatically then.</source>
        <translation>Sehen Sie sich das Endergebnis an und geben Sie es frei oder fordern Sie Änderungen an, %1. Tun Sie beides nicht, wird es dann automatisch freigegeben.</translation>
    </message>
    <message>
        <source>Look at the final work, then approve it or ask for changes.</source>
        <translation>Sehen Sie sich das Endergebnis an und geben Sie es frei oder fordern Sie Änderungen an.</translation>
    </message>
    <message>
        <source>%1 (It was due %2.)</source>
        <translation>%1 (Fällig war es %2.)</translation>
    </message>
    <message>
        <source>by %1 (%2)</source>
        <translation>bis %1 (%2)</translation>
    </message>
</context>
<context>
    <name>RecordsController</name>
    <message>
        <source>Copied the task ID: %1</source>
        <translation>Aufgaben-ID kopiert: %1</translation>
    </message>
    <message>
        <source>Copied the task&apos;s link: %1</source>
        <translation>Link der Aufgabe kopiert: %1</translation>
    </message>
    <message>
        <source>There are no tasks to export yet.</source>
        <translation>Es gibt noch keine Aufgaben zum Exportieren.</translation>
    </message>
    <message>
        <source>Export tasks</source>
        <translation>Aufgaben exportieren</translation>
    </message>
    <message>
        <source>Export all your tasks, or only the ones the table shows now?</source>
        <translation>Alle Ihre Aufgaben exportieren oder nur die, die die Tabelle gerade zeigt?</translation>
    </message>
    <message>
        <source>All tasks (%1)</source>
        <translation>Alle Aufgaben (%1)</translation>
    </message>
    <message>
        <source>Only those shown (%1)</source>
        <translation>Nur die angezeigten (%1)</translation>
    </message>
    <message>
        <source>The tasks could not be written to %1. Nothing was exported.</source>
        <translation>Die Aufgaben konnten nicht nach %1 geschrieben werden. Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>Exported %1 tasks to %2.</source>
        <translation>%1 Aufgaben nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV) files (*.csv)</source>
        <translation>Tabellendateien (CSV) (*.csv)</translation>
    </message>
</context>
<context>
    <name>RequirementsEditor</name>
    <message>
        <source>Numbers, true, false and null are kept as such; [ ] and { } in JSON are kept as lists and groups. To keep a value as text, put it in double quotes, like &quot;42&quot;.</source>
        <translation>Zahlen, true, false und null bleiben, was sie sind; [ ] und { } in JSON bleiben Listen und Gruppen. Um einen Wert als Text zu behalten, setzen Sie ihn in doppelte Anführungszeichen, etwa &quot;42&quot;.</translation>
    </message>
    <message>
        <source>{&quot;tone&quot;: &quot;friendly&quot;, &quot;word_count&quot;: 800}</source>
        <translation>{&quot;ton&quot;: &quot;freundlich&quot;, &quot;wortzahl&quot;: 800}</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>hier fehlt ein Wert</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>hier fehlt ein Name in doppelten Anführungszeichen</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>hier fehlt ein Doppelpunkt</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>hier fehlt ein Komma</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>ein Text in Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>ein Steuerzeichen ist hier nicht erlaubt</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>ungültiger Rückstrich (\)</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>ungültiges \uXXXX-Zeichen</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>nach dem Ende folgt noch etwas</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of object</source>
        <translation>ein Komma vor der schließenden Klammer }</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of array</source>
        <translation>ein Komma vor der schließenden Klammer ]</translation>
    </message>
    <message>
        <source>%1 is not allowed in JSON</source>
        <translation>%1 ist in JSON nicht erlaubt</translation>
    </message>
    <message>
        <source>%1 is too large a number</source>
        <translation>%1 ist eine zu große Zahl</translation>
    </message>
    <message>
        <source>yes/no (true or false)</source>
        <translation>ja/nein (true oder false)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>nothing (null)</source>
        <translation>nichts (null)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a group of names and values</source>
        <translation>eine Gruppe aus Namen und Werten</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>A value has no name (row %1). Give it a name or remove it.</source>
        <translation>Ein Wert hat keinen Namen (Zeile %1). Geben Sie ihm einen Namen oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>A value has no name. Give it a name or remove it.</source>
        <translation>Ein Wert hat keinen Namen. Geben Sie ihm einen Namen oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The name “%1” is used twice. Each name can be used once.</source>
        <translation>Der Name „%1“ kommt zweimal vor. Jeder Name darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Optional. One row for each thing the result must have: a name and a value.</source>
        <translation>Optional. Eine Zeile für alles, was das Ergebnis haben muss: ein Name und ein Wert.</translation>
    </message>
    <message>
        <source>For example: %1</source>
        <translation>Zum Beispiel: %1</translation>
    </message>
    <message>
        <source>Requirements (optional), as names and values</source>
        <translation>Anforderungen (optional), als Namen und Werte</translation>
    </message>
    <message>
        <source>Requirements (optional), as text</source>
        <translation>Anforderungen (optional), als Text</translation>
    </message>
    <message>
        <source>A JSON object of names and values, for example %1. Nested values are allowed.</source>
        <translation>Ein JSON-Objekt aus Namen und Werten, zum Beispiel %1. Verschachtelte Werte sind erlaubt.</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a name and a value (Alt+A)</source>
        <translation>Eine Zeile mit Namen und Wert hinzufügen (Alt+H)</translation>
    </message>
    <message>
        <source>Re&amp;move row</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected row (Alt+M)</source>
        <translation>Die gewählte Zeile entfernen (Alt+E)</translation>
    </message>
    <message>
        <source>Edit as &amp;JSON</source>
        <translation>Als &amp;JSON</translation>
    </message>
    <message>
        <source>Show the requirements as JSON text, for nested values (Alt+J)</source>
        <translation>Die Anforderungen als JSON-Text zeigen, für verschachtelte Werte (Alt+J)</translation>
    </message>
    <message>
        <source>Kept as %1.</source>
        <translation>Wird gespeichert als %1.</translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation>Leer.</translation>
    </message>
    <message>
        <source> (line %1, column %2: %3)</source>
        <translation> (Zeile %1, Spalte %2: %3)</translation>
    </message>
    <message>
        <source>This is not valid JSON%1.</source>
        <translation>Das ist kein gültiges JSON%1.</translation>
    </message>
    <message>
        <source>not a group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>Requirements must be names and values inside { }, for example %1; this is %2.</source>
        <translation>Anforderungen müssen Namen und Werte in { } sein, zum Beispiel %1; das hier ist %2.</translation>
    </message>
    <message>
        <source>⚠ To go back to rows, fix the JSON first.</source>
        <translation>⚠ Um zu den Zeilen zurückzukehren, korrigieren Sie zuerst das JSON.</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message numerus="yes">
        <source>%n tasks need your review — the first closes soonest</source>
        <translation>
            <numerusform>%n Aufgabe wartet auf Ihre Prüfung — sie endet am frühesten</numerusform>
            <numerusform>%n Aufgaben warten auf Ihre Prüfung — die erste endet am frühesten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>&amp;Choose this version</source>
        <translation>&amp;Diese Version wählen</translation>
    </message>
    <message>
        <source>Ask for a new &amp;round</source>
        <translation>Neue &amp;Runde anfordern</translation>
    </message>
    <message>
        <source>Ask for more &amp;time</source>
        <translation>Mehr &amp;Zeit erbitten</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Choosing a version is done on AITasker&apos;s website.</source>
        <translation>Eine Version wählen Sie auf der Website von AITasker.</translation>
    </message>
    <message>
        <source>Open AITasker&apos;s &amp;website</source>
        <translation>AITasker-&amp;Website öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n versions to choose from</source>
        <translation>
            <numerusform>%n Version zur Auswahl</numerusform>
            <numerusform>%n Versionen zur Auswahl</numerusform>
        </translation>
    </message>
    <message>
        <source>1 version</source>
        <translation>1 Version</translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>%n Version</numerusform>
            <numerusform>%n Versionen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the best judged of the %2 that agents made</source>
        <translation>%1: die am besten bewerteten der %2, die Agenten erstellt haben</translation>
    </message>
    <message>
        <source>as kept on this computer: AITasker can&apos;t show them now</source>
        <translation>wie auf diesem Computer aufbewahrt: AITasker kann sie gerade nicht zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n extensions of the review left</source>
        <translation>
            <numerusform>%n Verlängerung der Prüfung übrig</numerusform>
            <numerusform>%n Verlängerungen der Prüfung übrig</numerusform>
        </translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>Choose a version of ‘%1’</source>
        <translation>Eine Version von „%1“ wählen</translation>
    </message>
    <message>
        <source>Review closes %1 (at %2)</source>
        <translation>Die Prüfung endet %1 (um %2)</translation>
    </message>
    <message>
        <source>Review closes %1</source>
        <translation>Die Prüfung endet %1</translation>
    </message>
    <message>
        <source>The review has closed: the time to choose ran out.</source>
        <translation>Die Prüfung ist beendet: Die Zeit zum Wählen ist abgelaufen.</translation>
    </message>
    <message>
        <source>Ready for your review.</source>
        <translation>Bereit zur Prüfung.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>Die Versionen werden geladen …</translation>
    </message>
    <message>
        <source>The versions could not be loaded. %1</source>
        <translation>Die Versionen konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>No versions yet. They appear here when agents have finished their first drafts.</source>
        <translation>Noch keine Versionen. Sie erscheinen hier, sobald Agenten ihre ersten Entwürfe fertig haben.</translation>
    </message>
    <message>
        <source>There are no versions to show.</source>
        <translation>Es gibt keine Versionen zum Anzeigen.</translation>
    </message>
    <message>
        <source>1 version to choose from</source>
        <translation>1 Version zur Auswahl</translation>
    </message>
    <message>
        <source>a new round of versions costs %1</source>
        <translation>eine neue Runde Versionen kostet %1</translation>
    </message>
    <message>
        <source>a new round of versions is possible</source>
        <translation>eine neue Runde Versionen ist möglich</translation>
    </message>
    <message>
        <source>1 extension of the review left</source>
        <translation>1 Verlängerung der Prüfung übrig</translation>
    </message>
    <message>
        <source>✓ Chosen — </source>
        <translation>✓ Gewählt — </translation>
    </message>
    <message>
        <source>✓ You chose this version.</source>
        <translation>✓ Sie haben diese Version gewählt.</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>Nachricht von %1</translation>
    </message>
    <message>
        <source>What they made</source>
        <translation>Was erstellt wurde</translation>
    </message>
    <message>
        <source>Picture by %1</source>
        <translation>Bild von %1</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>Weitere Details</translation>
    </message>
    <message>
        <source>More details of this version</source>
        <translation>Weitere Details dieser Version</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Open %1 on %2</source>
        <translation>%1 auf %2 öffnen</translation>
    </message>
    <message>
        <source>%1 — click to see it larger</source>
        <translation>%1 — zum Vergrößern klicken</translation>
    </message>
    <message>
        <source>%1: loading…</source>
        <translation>%1: wird geladen …</translation>
    </message>
    <message>
        <source>Checking what AITasker allows…</source>
        <translation>Es wird geprüft, was AITasker erlaubt …</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>There is no version to choose yet.</source>
        <translation>Es gibt noch keine Version zum Wählen.</translation>
    </message>
    <message>
        <source>A version has already been chosen.</source>
        <translation>Es wurde schon eine Version gewählt.</translation>
    </message>
    <message>
        <source>AITasker sent this version without a reference, so it can be chosen only on AITasker&apos;s website.</source>
        <translation>AITasker hat diese Version ohne Kennung gesendet; Sie können sie daher nur auf der Website von AITasker wählen.</translation>
    </message>
    <message>
        <source>Versions can be chosen only while the task waits for your review.</source>
        <translation>Versionen können nur gewählt werden, solange die Aufgabe auf Ihre Prüfung wartet.</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> für %1</translation>
    </message>
    <message>
        <source>Choose this version</source>
        <translation>Diese Version wählen</translation>
    </message>
    <message>
        <source>Choose %1 version%2?</source>
        <translation>Die Version von %3%2 wählen?</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The review closed before you confirmed, so your choice was not sent.</source>
        <translation>Die Prüfzeit endete, bevor Sie bestätigt haben. Ihre Wahl wurde daher nicht gesendet.</translation>
    </message>
    <message>
        <source>Sending your choice…</source>
        <translation>Ihre Wahl wird gesendet …</translation>
    </message>
    <message>
        <source>Can&apos;t reach AITasker, so your choice was not sent. Try again when you are back online.</source>
        <translation>AITasker ist nicht erreichbar, deshalb wurde Ihre Wahl nicht gesendet. Versuchen Sie es erneut, wenn Sie wieder online sind.</translation>
    </message>
    <message>
        <source>AITasker did not accept the choice. %1</source>
        <translation>AITasker hat die Wahl nicht angenommen. %1</translation>
    </message>
    <message>
        <source>Another request for this task is still waiting for AITasker&apos;s answer. Nothing more is sent until it is settled.</source>
        <translation>Eine andere Anfrage zu dieser Aufgabe wartet noch auf die Antwort von AITasker. Bis das geklärt ist, wird nichts weiter gesendet.</translation>
    </message>
    <message>
        <source>Not sure your choice reached AITasker — checking…</source>
        <translation>Unklar, ob Ihre Wahl bei AITasker angekommen ist – wird geprüft …</translation>
    </message>
    <message>
        <source>Not sure your request reached AITasker — checking…</source>
        <translation>Unklar, ob Ihre Anfrage bei AITasker angekommen ist – wird geprüft …</translation>
    </message>
    <message>
        <source>Waiting to learn whether AITasker received your last request…</source>
        <translation>Es wird noch geklärt, ob AITasker Ihre letzte Anfrage erhalten hat …</translation>
    </message>
    <message>
        <source>Your choice was sent: AITasker is applying it.</source>
        <translation>Ihre Wahl wurde gesendet: AITasker setzt sie gerade um.</translation>
    </message>
    <message>
        <source>AITasker has your choice.</source>
        <translation>AITasker hat Ihre Wahl erhalten.</translation>
    </message>
    <message>
        <source>AITasker has your request.</source>
        <translation>AITasker hat Ihre Anfrage erhalten.</translation>
    </message>
    <message>
        <source>You chose %1 version. %2 is finishing it now.</source>
        <translation>Sie haben die Version von %2 gewählt. %2 stellt sie jetzt fertig.</translation>
    </message>
    <message>
        <source>Your choice did not reach AITasker. You can choose again.</source>
        <translation>Ihre Wahl hat AITasker nicht erreicht. Sie können erneut wählen.</translation>
    </message>
    <message>
        <source>Your request did not reach AITasker. You can ask again.</source>
        <translation>Ihre Anfrage ist nicht bei AITasker angekommen. Sie können erneut fragen.</translation>
    </message>
    <message>
        <source>Ask for a new round of versions for %1?</source>
        <translation>Eine neue Runde Versionen für %1 anfordern?</translation>
    </message>
    <message>
        <source>Ask for a new round of versions?</source>
        <translation>Eine neue Runde Versionen anfordern?</translation>
    </message>
    <message>
        <source>Ask for more time to choose?</source>
        <translation>Mehr Zeit zum Wählen erbitten?</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Anfordern</translation>
    </message>
    <message>
        <source>You have more time: the review now closes at %1.</source>
        <translation>Sie haben mehr Zeit: Die Prüfung endet jetzt um %1.</translation>
    </message>
    <message>
        <source>You have more time to choose.</source>
        <translation>Sie haben mehr Zeit zum Wählen.</translation>
    </message>
    <message>
        <source>Done: AITasker is preparing a new round of versions.</source>
        <translation>Erledigt: AITasker bereitet eine neue Runde Versionen vor.</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Bewertung: %1</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Agent ID</source>
        <translation>Agenten-ID</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Score in detail</source>
        <translation>Bewertung im Einzelnen</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Vorgestellt</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Kennung: %1</translation>
    </message>
    <message>
        <source>none sent</source>
        <translation>keine gesendet</translation>
    </message>
    <message>
        <source>Price as sent: %1</source>
        <translation>Preis wie gesendet: %1</translation>
    </message>
    <message>
        <source>Score as sent: %1</source>
        <translation>Bewertung wie gesendet: %1</translation>
    </message>
</context>
<context>
    <name>SaveBar</name>
    <message>
        <source>Saving the final work</source>
        <translation>Das Endergebnis wird gespeichert</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel saving</source>
        <translation>Speichern abbrechen</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Saving… %1 of %2</source>
        <translation>Wird gespeichert… %1 von %2</translation>
    </message>
    <message>
        <source>Saving… %1</source>
        <translation>Wird gespeichert… %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>SavingController</name>
    <message>
        <source>Saved 1 item in %1.</source>
        <translation>1 Teil in %1 gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n items in %1.</source>
        <translation>
            <numerusform>%n Teil in %1 gespeichert.</numerusform>
            <numerusform>%n Teile in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Not saved: %2</source>
        <translation>%1 Nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <source>%1 Nothing was sent.</source>
        <translation>%1 Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>This task is on its way right now and can&apos;t be taken back.</source>
        <translation>Diese Aufgabe ist gerade unterwegs und kann nicht zurückgeholt werden.</translation>
    </message>
    <message>
        <source>your task</source>
        <translation>Ihre Aufgabe</translation>
    </message>
    <message>
        <source>Post “%1” for %2?</source>
        <translation>„%1“ für %2 einstellen?</translation>
    </message>
    <message>
        <source>Send “%1” again? If AITasker did receive it the first time and honours the reference we send, it will not be posted twice; otherwise it could be.</source>
        <translation>„%1“ erneut senden? Wenn AITasker sie beim ersten Mal erhalten hat und die mitgesendete Kennung beachtet, wird sie nicht doppelt eingestellt; andernfalls könnte das passieren.</translation>
    </message>
    <message>
        <source>The earlier version (“%1”) may already be posted: its sending was unclear. This is sent as a separate task; the earlier one stays in Drafts as “Not sure it was sent” until you check it.</source>
        <translation>Die frühere Version („%1“) ist vielleicht schon eingestellt: Ihr Senden war unklar. Dies wird als eigene Aufgabe gesendet; die frühere bleibt als „Unklar, ob gesendet“ unter Entwürfe, bis Sie sie prüfen.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Post task</source>
        <translation>Aufgabe einstellen</translation>
    </message>
    <message>
        <source>Post this task?</source>
        <translation>Diese Aufgabe einstellen?</translation>
    </message>
    <message>
        <source>Only %1 of credit is left, %2 less than this task&apos;s budget. AITasker will probably refuse it until you add credit; your text is kept either way.</source>
        <translation>Es ist nur noch %1 Guthaben übrig, %2 weniger als das Budget dieser Aufgabe. AITasker wird sie wahrscheinlich ablehnen, bis Sie Guthaben aufladen; Ihr Text bleibt in jedem Fall erhalten.</translation>
    </message>
    <message>
        <source>This month&apos;s tasks have taken %1 so far. This one takes the month to %2, over your monthly limit of %3.</source>
        <translation>Die Aufgaben dieses Monats haben bisher %1 gekostet. Mit dieser kommt der Monat auf %2 und damit über Ihr Monatslimit von %3.</translation>
    </message>
    <message>
        <source>Post anyway</source>
        <translation>Trotzdem einstellen</translation>
    </message>
    <message>
        <source>Add credit on the website</source>
        <translation>Guthaben auf der Website aufladen</translation>
    </message>
    <message>
        <source>Your task is kept here. Post it once the credit is added.</source>
        <translation>Ihre Aufgabe bleibt hier. Stellen Sie sie ein, sobald das Guthaben aufgeladen ist.</translation>
    </message>
    <message>
        <source>Sending was cancelled. It may already have reached AITasker, so it is marked “Not sure it was sent”.</source>
        <translation>Das Senden wurde abgebrochen. Die Aufgabe könnte AITasker schon erreicht haben, deshalb ist sie als „Unklar, ob gesendet“ markiert.</translation>
    </message>
    <message>
        <source>A task is being sent</source>
        <translation>Eine Aufgabe wird gesendet</translation>
    </message>
    <message>
        <source>A task is being sent right now. Quit when it is done, or quit now?</source>
        <translation>Gerade wird eine Aufgabe gesendet. Beenden, wenn sie fertig ist, oder jetzt beenden?</translation>
    </message>
    <message>
        <source>If you quit now, AITasker may still receive it, so it is kept in Drafts as “Not sure it was sent” for you to check next time.</source>
        <translation>Wenn Sie jetzt beenden, erhält AITasker sie vielleicht trotzdem; deshalb bleibt sie als „Unklar, ob gesendet“ unter Entwürfe, damit Sie sie beim nächsten Mal prüfen.</translation>
    </message>
    <message>
        <source>Wait, then quit</source>
        <translation>Warten, dann beenden</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Weiterarbeiten</translation>
    </message>
    <message>
        <source>The app will close as soon as AITasker answers.</source>
        <translation>Das Programm schließt, sobald AITasker antwortet.</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Als Entwurf behalten</translation>
    </message>
    <message>
        <source>This draft was deleted before it could be sent. Nothing was sent.</source>
        <translation>Dieser Entwurf wurde gelöscht, bevor er gesendet werden konnte. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Posted “%1”. Its progress shows in the table.</source>
        <translation>„%1“ eingestellt. Der Fortschritt erscheint in der Tabelle.</translation>
    </message>
    <message>
        <source>%1 Your task is saved and will be sent by itself.</source>
        <translation>%1 Ihre Aufgabe ist gespeichert und wird von selbst gesendet.</translation>
    </message>
    <message>
        <source>No connection to AITasker right now. Your task is saved and will be sent by itself when the connection is back.</source>
        <translation>Gerade keine Verbindung zu AITasker. Ihre Aufgabe ist gespeichert und wird von selbst gesendet, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <source>Not sure it was sent.</source>
        <translation>Unklar, ob sie gesendet wurde.</translation>
    </message>
    <message>
        <source>Some details need a change before the task can be posted.</source>
        <translation>Einige Angaben müssen geändert werden, bevor die Aufgabe eingestellt werden kann.</translation>
    </message>
    <message>
        <source>%1 Nothing was posted.</source>
        <translation>%1 Es wurde nichts eingestellt.</translation>
    </message>
    <message>
        <source>%1 Your task is still here.</source>
        <translation>%1 Ihre Aufgabe ist noch da.</translation>
    </message>
    <message>
        <source>Not enough credit.</source>
        <translation>Nicht genug Guthaben.</translation>
    </message>
    <message>
        <source>%1 Your task is kept in Drafts as “Waiting for credit”. After adding credit, press Refresh to send it.</source>
        <translation>%1 Ihre Aufgabe bleibt unter Entwürfe als „Wartet auf Guthaben“. Drücken Sie nach dem Aufladen auf „Aktualisieren“, um sie zu senden.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Every 10 seconds</source>
        <translation>Alle 10 Sekunden</translation>
    </message>
    <message>
        <source>Every 30 seconds</source>
        <translation>Alle 30 Sekunden</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message>
        <source>Every 5 minutes</source>
        <translation>Alle 5 Minuten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>&amp;Change address or key…</source>
        <translation>Adresse oder Schlüssel ände&amp;rn …</translation>
    </message>
    <message>
        <source>&amp;Forget this key</source>
        <translation>Diesen Schlüssel &amp;vergessen</translation>
    </message>
    <message>
        <source>Ask before a post takes a &amp;month&apos;s spending over</source>
        <translation>Nachfragen, bevor die Ausgaben eines &amp;Monats höher würden als</translation>
    </message>
    <message>
        <source>Monthly limit in US dollars</source>
        <translation>Monatslimit in US-Dollar</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API-Adresse:</translation>
    </message>
    <message>
        <source>Your key:</source>
        <translation>Ihr Schlüssel:</translation>
    </message>
    <message>
        <source>Check for &amp;news:</source>
        <translation>Auf &amp;Neuigkeiten prüfen:</translation>
    </message>
    <message>
        <source>&amp;Look:</source>
        <translation>&amp;Aussehen:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Downloads folder:</source>
        <translation>&amp;Download-Ordner:</translation>
    </message>
    <message>
        <source>Downloads folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s Downloads folder.</source>
        <translation>Leer: der Download-Ordner des Systems.</translation>
    </message>
    <message>
        <source>The system&apos;s Downloads folder</source>
        <translation>Der Download-Ordner des Systems</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen …</translation>
    </message>
    <message>
        <source>Choose the downloads folder</source>
        <translation>Download-Ordner auswählen</translation>
    </message>
    <message>
        <source>Save all puts each task&apos;s final work in a folder of its own here. Empty: the system&apos;s Downloads folder.</source>
        <translation>„Alles speichern“ legt das Endergebnis jeder Aufgabe hier in einen eigenen Ordner. Leer: der Download-Ordner des Systems.</translation>
    </message>
    <message>
        <source>Tasks waiting for your review are checked at most every 30 seconds; AITasker&apos;s limits are always respected.</source>
        <translation>Aufgaben, die auf Ihre Prüfung warten, werden höchstens alle 30 Sekunden abgefragt; die Grenzen von AITasker werden immer eingehalten.</translation>
    </message>
    <message>
        <source>The monthly limit counts what tasks posted this month paid or still hold; it never stops a task already posted.</source>
        <translation>Das Monatslimit zählt, was die in diesem Monat eingestellten Aufgaben bezahlt haben oder noch binden; eine bereits eingestellte Aufgabe hält es nie an.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>SliderSpin</name>
    <message>
        <source>From %1 to %2.</source>
        <translation>Von %1 bis %2.</translation>
    </message>
    <message>
        <source>%1 slider</source>
        <translation>%1 Schieberegler</translation>
    </message>
    <message>
        <source>%1 Moves in steps of %2; Page Up and Page Down move by %3, Home and End go to the ends. The exact amount is in the box that follows.%4</source>
        <translation>%1 Bewegt sich in Schritten von %2; Bild auf und Bild ab bewegen um %3, Pos1 und Ende gehen an die Enden. Der genaue Wert steht im folgenden Feld.%4</translation>
    </message>
    <message>
        <source>%1 Type a number with up to %2 decimals; Up and Down change it by %3, Page Up and Page Down by %4.%5</source>
        <translation>%1 Geben Sie eine Zahl mit bis zu %2 Nachkommastellen ein; Pfeil auf und ab ändern sie um %3, Bild auf und Bild ab um %4.%5</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>The saved %1, %2, is outside %3 to %4; it is now %5.</source>
        <translation>Der gespeicherte Wert für %1, %2, liegt außerhalb von %3 bis %4; er ist jetzt %5.</translation>
    </message>
    <message>
        <source>Please enter the %1.</source>
        <translation>Bitte geben Sie einen Wert für %1 ein.</translation>
    </message>
    <message>
        <source>“%1” can&apos;t be used: the %2 goes from %3 to %4.</source>
        <translation>„%1“ kann nicht verwendet werden: %2 reicht von %3 bis %4.</translation>
    </message>
    <message>
        <source>“%1” was not used: the %2 goes from %3 to %4. It is still %5.</source>
        <translation>„%1“ wurde nicht übernommen: %2 reicht von %3 bis %4. Der Wert ist weiterhin %5.</translation>
    </message>
</context>
<context>
    <name>SpendingWindow</name>
    <message>
        <source>Committed</source>
        <translation>Gebunden</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>The tasks posted in %1 (%2).</source>
        <translation>Die im %1 eingestellten Aufgaben (%2).</translation>
    </message>
    <message>
        <source>All tasks posted (%1).</source>
        <translation>Alle eingestellten Aufgaben (%1).</translation>
    </message>
    <message>
        <source>The tasks posted in %1 that were paid (%2).</source>
        <translation>Die im %1 eingestellten Aufgaben, die bezahlt wurden (%2).</translation>
    </message>
    <message>
        <source>All paid tasks (%1).</source>
        <translation>Alle bezahlten Aufgaben (%1).</translation>
    </message>
    <message>
        <source>The tasks posted in %1 with money back (%2).</source>
        <translation>Die im %1 eingestellten Aufgaben mit Erstattung (%2).</translation>
    </message>
    <message>
        <source>All tasks with money back (%1).</source>
        <translation>Alle Aufgaben mit Erstattung (%1).</translation>
    </message>
    <message>
        <source>The tasks posted in %1 that are still open (%2).</source>
        <translation>Die im %1 eingestellten Aufgaben, die noch offen sind (%2).</translation>
    </message>
    <message>
        <source>All tasks still open (%1).</source>
        <translation>Alle noch offenen Aufgaben (%1).</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Spending in the last 12 months</source>
        <translation>Ausgaben der letzten 12 Monate</translation>
    </message>
    <message>
        <source>Click a month to see its tasks.</source>
        <translation>Klicken Sie auf einen Monat, um seine Aufgaben zu sehen.</translation>
    </message>
    <message>
        <source>Spending by month</source>
        <translation>Ausgaben nach Monat</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>No tasks yet: what you post appears here, month by month.</source>
        <translation>Noch keine Aufgaben: Was Sie einstellen, erscheint hier, Monat für Monat.</translation>
    </message>
    <message>
        <source>Committed: the budgets of the tasks posted that month. Paid: what approved work cost. Refunded: what came back (expired or cancelled tasks, and budget a chosen version did not use). Open: the budgets of tasks not finished yet. Click a number, or press Enter on it, to see its tasks in Your tasks.</source>
        <translation>Gebunden: die Budgets der in dem Monat eingestellten Aufgaben. Bezahlt: was freigegebene Arbeit gekostet hat. Erstattet: was zurückkam (abgelaufene oder abgebrochene Aufgaben und Budget, das eine gewählte Version nicht gebraucht hat). Offen: die Budgets noch nicht abgeschlossener Aufgaben. Klicken Sie auf eine Zahl oder drücken Sie darauf die Eingabetaste, um ihre Aufgaben unter „Ihre Aufgaben“ zu sehen.</translation>
    </message>
    <message>
        <source>Credit: %1 (as of %2).</source>
        <translation>Guthaben: %1 (Stand %2).</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Alle Monate</translation>
    </message>
    <message>
        <source>Tasks with no known posting date, not counted in any month: %1.</source>
        <translation>Aufgaben ohne bekanntes Einstelldatum, in keinem Monat gezählt: %1.</translation>
    </message>
    <message>
        <source>AITasker has not said what credit there is.</source>
        <translation>AITasker hat nicht mitgeteilt, wie viel Guthaben vorhanden ist.</translation>
    </message>
    <message>
        <source>Credit: %1.</source>
        <translation>Guthaben: %1.</translation>
    </message>
    <message>
        <source>AITasker&apos;s totals: added %1, spent %2.</source>
        <translation>Summen laut AITasker: aufgeladen %1, ausgegeben %2.</translation>
    </message>
    <message>
        <source>Tasks behind this number: %1. Click to see them in Your tasks.</source>
        <translation>Aufgaben hinter dieser Zahl: %1. Klicken Sie, um sie unter „Ihre Aufgaben“ zu sehen.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Demo mode: tasks go to a practice server on this computer. No money is spent.</source>
        <translation>Demo-Modus: Aufgaben gehen an einen Übungsserver auf diesem Computer. Es wird kein Geld ausgegeben.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — %1 Your work is kept and sent when the connection is back.</source>
        <translation>Offline — %1 Ihre Arbeit bleibt erhalten und wird gesendet, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <source>Slowing down — %1</source>
        <translation>Etwas langsamer — %1</translation>
    </message>
    <message>
        <source>Problem — %1</source>
        <translation>Problem — %1</translation>
    </message>
    <message>
        <source>Your API key was not accepted — %1</source>
        <translation>Ihr API-Schlüssel wurde nicht angenommen — %1</translation>
    </message>
    <message>
        <source>Not connected: no API key. Start with --demo to try the app.</source>
        <translation>Nicht verbunden: kein API-Schlüssel. Starten Sie mit --demo, um das Programm auszuprobieren.</translation>
    </message>
    <message>
        <source>Open the review that closes soonest (Ctrl+R)</source>
        <translation>Die Prüfung öffnen, die am frühesten endet (Strg+R)</translation>
    </message>
    <message>
        <source>When every task was last asked about. A task that could not be refreshed says so in its row.</source>
        <translation>Wann zuletzt jede Aufgabe abgefragt wurde. Eine Aufgabe, die nicht aktualisiert werden konnte, sagt es in ihrer Zeile.</translation>
    </message>
    <message>
        <source>Credit: %1</source>
        <translation>Guthaben: %1</translation>
    </message>
    <message>
        <source>%1 (as of %2)</source>
        <translation>%1 (Stand %2)</translation>
    </message>
    <message>
        <source>Your AITasker credit: what new tasks can still spend.</source>
        <translation>Ihr AITasker-Guthaben: was neue Aufgaben noch ausgeben können.</translation>
    </message>
    <message>
        <source>Added so far: %1. Paid so far: %2.</source>
        <translation>Bisher aufgeladen: %1. Bisher bezahlt: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n wartet auf das Senden</numerusform>
            <numerusform>%n warten auf das Senden</numerusform>
        </translation>
    </message>
    <message>
        <source>1 task needs you</source>
        <translation>1 Aufgabe wartet auf Sie</translation>
    </message>
    <message>
        <source>%1 tasks need you</source>
        <translation>%1 Aufgaben warten auf Sie</translation>
    </message>
    <message>
        <source>Open the task that waits for you and whose time ends soonest (Ctrl+R)</source>
        <translation>Die Aufgabe öffnen, die auf Sie wartet und deren Frist zuerst endet (Strg+R)</translation>
    </message>
    <message>
        <source>Last refreshed %1</source>
        <translation>Zuletzt aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>SuggestionBar</name>
    <message>
        <source>&amp;Use it</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Sieht aus wie %1</translation>
    </message>
    <message>
        <source>Use it: %1</source>
        <translation>Übernehmen: %1</translation>
    </message>
    <message>
        <source>Choose %1 (Alt+U)</source>
        <translation>%1 wählen (Alt+Ü)</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>Approve and pay</source>
        <translation>Abnehmen und bezahlen</translation>
    </message>
    <message>
        <source>Approve and pay %1 to %2?</source>
        <translation>%1 an %2 zahlen und die Arbeit abnehmen?</translation>
    </message>
    <message>
        <source>Sending your approval…</source>
        <translation>Ihre Abnahme wird gesendet …</translation>
    </message>
    <message>
        <source>Approved: AITasker has your approval.</source>
        <translation>Abgenommen: AITasker hat Ihre Abnahme.</translation>
    </message>
    <message>
        <source>AITasker has your approval.</source>
        <translation>AITasker hat Ihre Abnahme.</translation>
    </message>
    <message>
        <source>Your approval did not reach AITasker.</source>
        <translation>Ihre Abnahme ist nicht bei AITasker angekommen.</translation>
    </message>
    <message>
        <source>AITasker does not offer approving from this app.</source>
        <translation>AITasker bietet das Abnehmen in dieser App nicht an.</translation>
    </message>
    <message>
        <source>Ask for changes</source>
        <translation>Änderungen erbitten</translation>
    </message>
    <message>
        <source>Ask %2 for changes to the final work? Nothing is paid now; approving later pays %1.</source>
        <translation>%2 um Änderungen an der fertigen Arbeit bitten? Jetzt wird nichts bezahlt; die spätere Abnahme zahlt %1.</translation>
    </message>
    <message>
        <source>Sending your request for changes…</source>
        <translation>Ihre Bitte um Änderungen wird gesendet …</translation>
    </message>
    <message>
        <source>Your request for changes was sent. A new version of the final work follows.</source>
        <translation>Ihre Bitte um Änderungen wurde gesendet. Eine neue Fassung der fertigen Arbeit folgt.</translation>
    </message>
    <message>
        <source>AITasker has your request for changes.</source>
        <translation>AITasker hat Ihre Bitte um Änderungen.</translation>
    </message>
    <message>
        <source>Your request for changes did not reach AITasker.</source>
        <translation>Ihre Bitte um Änderungen ist nicht bei AITasker angekommen.</translation>
    </message>
    <message>
        <source>AITasker does not offer asking for changes from this app.</source>
        <translation>AITasker bietet das Erbitten von Änderungen in dieser App nicht an.</translation>
    </message>
    <message>
        <source>&amp;What should change?</source>
        <translation>&amp;Was soll sich ändern?</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Report a problem with the final work of ‘%2’? Nothing is paid (the price is %1) while AITasker looks into it.</source>
        <translation>Ein Problem mit der fertigen Arbeit von „%2“ melden? Solange AITasker es prüft, wird nichts bezahlt (der Preis ist %1).</translation>
    </message>
    <message>
        <source>Report the problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Sending your report…</source>
        <translation>Ihre Meldung wird gesendet …</translation>
    </message>
    <message>
        <source>Your report was sent: AITasker looks into it.</source>
        <translation>Ihre Meldung wurde gesendet: AITasker prüft sie.</translation>
    </message>
    <message>
        <source>AITasker has your report.</source>
        <translation>AITasker hat Ihre Meldung.</translation>
    </message>
    <message>
        <source>Your report did not reach AITasker.</source>
        <translation>Ihre Meldung ist nicht bei AITasker angekommen.</translation>
    </message>
    <message>
        <source>AITasker does not offer reporting a problem from this app.</source>
        <translation>AITasker bietet das Melden eines Problems in dieser App nicht an.</translation>
    </message>
    <message>
        <source>&amp;What is wrong?</source>
        <translation>&amp;Was stimmt nicht?</translation>
    </message>
    <message>
        <source>Cancel task</source>
        <translation>Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>Cancel ‘%2’? Its budget of %1 comes back to your credit.</source>
        <translation>„%2“ abbrechen? Das Budget von %1 geht zurück auf Ihr Guthaben.</translation>
    </message>
    <message>
        <source>Cancelling the task…</source>
        <translation>Die Aufgabe wird abgebrochen …</translation>
    </message>
    <message>
        <source>The task is cancelled.</source>
        <translation>Die Aufgabe ist abgebrochen.</translation>
    </message>
    <message>
        <source>AITasker has cancelled the task.</source>
        <translation>AITasker hat die Aufgabe abgebrochen.</translation>
    </message>
    <message>
        <source>Your cancellation did not reach AITasker.</source>
        <translation>Ihr Abbruch ist nicht bei AITasker angekommen.</translation>
    </message>
    <message>
        <source>AITasker does not offer cancelling a task from this app.</source>
        <translation>AITasker bietet das Abbrechen einer Aufgabe in dieser App nicht an.</translation>
    </message>
    <message>
        <source>Answer the agent</source>
        <translation>Dem Agenten antworten</translation>
    </message>
    <message>
        <source>%2 asks: %1</source>
        <translation>%2 fragt: %1</translation>
    </message>
    <message>
        <source>Send answer</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Sending your answer…</source>
        <translation>Ihre Antwort wird gesendet …</translation>
    </message>
    <message>
        <source>Your answer was sent: the agent goes on with the work.</source>
        <translation>Ihre Antwort wurde gesendet: Der Agent arbeitet weiter.</translation>
    </message>
    <message>
        <source>AITasker has your answer.</source>
        <translation>AITasker hat Ihre Antwort.</translation>
    </message>
    <message>
        <source>Your answer did not reach AITasker.</source>
        <translation>Ihre Antwort ist nicht bei AITasker angekommen.</translation>
    </message>
    <message>
        <source>AITasker does not offer answering the agent from this app.</source>
        <translation>AITasker bietet das Antworten an den Agenten in dieser App nicht an.</translation>
    </message>
    <message>
        <source>&amp;Your answer:</source>
        <translation>&amp;Ihre Antwort:</translation>
    </message>
    <message>
        <source>Not sure it reached AITasker — checking…</source>
        <translation>Unklar, ob es bei AITasker angekommen ist – wird geprüft …</translation>
    </message>
    <message>
        <source>Waiting to learn whether AITasker received your last request…</source>
        <translation>Es wird noch geklärt, ob AITasker Ihre letzte Anfrage erhalten hat …</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Sent: AITasker is applying it.</source>
        <translation>Gesendet: AITasker setzt es um.</translation>
    </message>
    <message>
        <source>There is no final work waiting for you yet.</source>
        <translation>Noch wartet keine fertige Arbeit auf Sie.</translation>
    </message>
    <message>
        <source>No more changes can be asked for on this task.</source>
        <translation>Für diese Aufgabe können keine weiteren Änderungen erbeten werden.</translation>
    </message>
    <message>
        <source>Only a task whose version is not chosen yet can be cancelled.</source>
        <translation>Nur eine Aufgabe, deren Version noch nicht gewählt ist, kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>This task is finished.</source>
        <translation>Diese Aufgabe ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The agent has not asked you anything.</source>
        <translation>Der Agent hat Ihnen keine Frage gestellt.</translation>
    </message>
    <message>
        <source>Another request for this task is still waiting for AITasker&apos;s answer. Nothing more is sent until it is settled.</source>
        <translation>Eine andere Anfrage zu dieser Aufgabe wartet noch auf die Antwort von AITasker. Bis das geklärt ist, wird nichts weiter gesendet.</translation>
    </message>
    <message>
        <source>Can&apos;t reach AITasker, so nothing was sent. Try again when you are back online.</source>
        <translation>AITasker ist nicht erreichbar, daher wurde nichts gesendet. Versuchen Sie es erneut, wenn Sie wieder online sind.</translation>
    </message>
    <message>
        <source>AITasker did not accept this. %1</source>
        <translation>AITasker hat das nicht angenommen. %1</translation>
    </message>
    <message>
        <source>AITasker did not accept this: the task has moved on. It now says: %1 — %2</source>
        <translation>AITasker hat das nicht angenommen: Die Aufgabe ist inzwischen weiter. Sie steht jetzt auf: %1 – %2</translation>
    </message>
    <message>
        <source>AITasker now says: %1 — %2</source>
        <translation>AITasker meldet jetzt: %1 – %2</translation>
    </message>
    <message>
        <source>The task moved on while you were deciding, so nothing was sent. AITasker now says: %1 — %2</source>
        <translation>Die Aufgabe ist weitergegangen, während Sie überlegt haben, daher wurde nichts gesendet. AITasker meldet jetzt: %1 – %2</translation>
    </message>
    <message>
        <source>The time for this ended before you confirmed, so nothing was sent.</source>
        <translation>Die Frist dafür endete, bevor Sie bestätigt haben, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Can&apos;t learn from AITasker what this app may do here. Try again later, or finish on the website.</source>
        <translation>Von AITasker ist nicht zu erfahren, was diese App hier tun darf. Versuchen Sie es später erneut, oder schließen Sie es auf der Website ab.</translation>
    </message>
    <message>
        <source>Finish on the AITasker website</source>
        <translation>Auf der AITasker-Website abschließen</translation>
    </message>
    <message>
        <source>You can finish it on the AITasker website.</source>
        <translation>Sie können es auf der AITasker-Website abschließen.</translation>
    </message>
    <message>
        <source>The task is completed: %1 was paid to %2.</source>
        <translation>Die Aufgabe ist abgeschlossen: %1 wurde an %2 gezahlt.</translation>
    </message>
    <message>
        <source>%1 came back to your credit.</source>
        <translation>%1 ging zurück auf Ihr Guthaben.</translation>
    </message>
    <message>
        <source>the agent</source>
        <translation>den Agenten</translation>
    </message>
    <message>
        <source>this task</source>
        <translation>diese Aufgabe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep the task</source>
        <translation>Aufgabe behalten</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>&amp;What do you need?</source>
        <translation>&amp;Was brauchen Sie?</translation>
    </message>
    <message>
        <source>&amp;Describe it</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>&amp;Task type</source>
        <translation>Aufgaben&amp;art</translation>
    </message>
    <message>
        <source>&amp;Budget (US dollars)</source>
        <translation>Bu&amp;dget (US-Dollar)</translation>
    </message>
    <message>
        <source>&amp;Experimentation</source>
        <translation>E&amp;xperimentierfreude</translation>
    </message>
    <message>
        <source>&amp;Requirements (optional)</source>
        <translation>Anf&amp;orderungen (optional)</translation>
    </message>
    <message>
        <source>Brand &amp;kit ID (optional)</source>
        <translation>Brand-Kit-&amp;ID (optional)</translation>
    </message>
    <message>
        <source>For example: A logo for my bakery</source>
        <translation>Zum Beispiel: Ein Logo für meine Bäckerei</translation>
    </message>
    <message>
        <source>What do you need? (title)</source>
        <translation>Was brauchen Sie? (Titel)</translation>
    </message>
    <message>
        <source>What should the result look like? Who is it for? Anything to avoid?</source>
        <translation>Wie soll das Ergebnis aussehen? Für wen ist es? Was soll vermieden werden?</translation>
    </message>
    <message>
        <source>Describe it (description)</source>
        <translation>Beschreiben Sie es (Beschreibung)</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>das Budget</translation>
    </message>
    <message>
        <source>What you pay for the finished work.</source>
        <translation>Was Sie für die fertige Arbeit bezahlen.</translation>
    </message>
    <message>
        <source>experimentation</source>
        <translation>die Experimentierfreude</translation>
    </message>
    <message>
        <source>Proven agents</source>
        <translation>Bewährte</translation>
    </message>
    <message>
        <source>Try newcomers</source>
        <translation>Neulinge</translation>
    </message>
    <message>
        <source>Experimentation</source>
        <translation>Experimentierfreude</translation>
    </message>
    <message>
        <source>Low means proven agents; high lets newer agents try.</source>
        <translation>Niedrig heißt bewährte Agenten; hoch lässt neuere Agenten ran.</translation>
    </message>
    <message>
        <source>A short name for the task.</source>
        <translation>Ein kurzer Name für die Aufgabe.</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>&amp;Post task</source>
        <translation>Aufgabe ein&amp;stellen</translation>
    </message>
    <message>
        <source>Post this task on AITasker (Ctrl+Enter)</source>
        <translation>Diese Aufgabe bei AITasker einstellen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Budget (US dollars)</source>
        <translation>Budget (US-Dollar)</translation>
    </message>
    <message>
        <source>Only if AITasker gave you one</source>
        <translation>Nur wenn AITasker Ihnen eine gegeben hat</translation>
    </message>
    <message>
        <source>Brand kit ID (optional)</source>
        <translation>Brand-Kit-ID (optional)</translation>
    </message>
    <message>
        <source>The details. Enter starts a new line; Ctrl+Enter sends.</source>
        <translation>Die Einzelheiten. Eingabe beginnt eine neue Zeile; Strg+Eingabe sendet.</translation>
    </message>
    <message>
        <source>Required. The kind of work.</source>
        <translation>Pflichtfeld. Die Art der Arbeit.</translation>
    </message>
    <message>
        <source>Required. Pick from the list or type it.</source>
        <translation>Pflichtfeld. Aus der Liste wählen oder eintippen.</translation>
    </message>
    <message>
        <source>Optional. The ID of a brand kit saved on AITasker.</source>
        <translation>Optional. Die ID eines bei AITasker gespeicherten Brand-Kits.</translation>
    </message>
    <message>
        <source>Characters in the title</source>
        <translation>Zeichen im Titel</translation>
    </message>
    <message>
        <source>Characters in the description</source>
        <translation>Zeichen in der Beschreibung</translation>
    </message>
    <message>
        <source>M&amp;ore options</source>
        <translation>Weitere &amp;Optionen</translation>
    </message>
    <message>
        <source>Requirements as names and values, and a brand kit (Alt+O)</source>
        <translation>Anforderungen als Namen und Werte, und ein Brand-Kit (Alt+O)</translation>
    </message>
    <message>
        <source>How open to newer agents should AITasker be? Proven agents are safer; newcomers may surprise you.</source>
        <translation>Wie offen soll AITasker für neue Agenten sein? Bewährte Agenten sind sicherer; Neulinge können Sie überraschen.</translation>
    </message>
    <message>
        <source> Suggested from your words: %1; Alt+U uses it.</source>
        <translation> Aus Ihren Worten vorgeschlagen: %1; Alt+Ü übernimmt den Vorschlag.</translation>
    </message>
    <message>
        <source>Requirements must be names and values.</source>
        <translation>Anforderungen müssen Namen und Werte sein.</translation>
    </message>
    <message>
        <source>Not ready to post (Ctrl+Enter once it is). %1</source>
        <translation>Noch nicht bereit zum Einstellen (Strg+Eingabe, sobald es so weit ist). %1</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Wird eingestellt …</translation>
    </message>
    <message>
        <source>To send: %1</source>
        <translation>Zum Senden: %1</translation>
    </message>
</context>
<context>
    <name>TaskNews</name>
    <message>
        <source>…and %1 more (see the table)</source>
        <translation>… und %1 weitere (siehe Tabelle)</translation>
    </message>
</context>
<context>
    <name>TaskWindow</name>
    <message>
        <source>There is no final work to save yet.</source>
        <translation>Es gibt noch kein Endergebnis zum Speichern.</translation>
    </message>
    <message>
        <source>Saving was cancelled. Nothing was left half-saved.</source>
        <translation>Das Speichern wurde abgebrochen. Es ist nichts halb gespeichert zurückgeblieben.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>Es wurde nichts gespeichert. %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>%1 was not saved. %2</source>
        <translation>%1 wurde nicht gespeichert. %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
    <message>
        <source>Could not refresh this task just now: %1</source>
        <translation>Diese Aufgabe konnte gerade nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>What it shows came from AITasker at %1.</source>
        <translation>Was sie zeigt, kam um %1 von AITasker.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>The final work could not be loaded. %1</source>
        <translation>Das Endergebnis konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>AITasker did not find the final work of this task just now.</source>
        <translation>AITasker hat das Endergebnis dieser Aufgabe gerade nicht gefunden.</translation>
    </message>
    <message>
        <source>The picture can&apos;t be shown larger. %1</source>
        <translation>Das Bild kann nicht größer gezeigt werden. %1</translation>
    </message>
    <message>
        <source>Files of this task are being saved: wait until that is done.</source>
        <translation>Dateien dieser Aufgabe werden gerade gespeichert: Warten Sie, bis das fertig ist.</translation>
    </message>
    <message>
        <source>Question for you</source>
        <translation>Frage an Sie</translation>
    </message>
    <message>
        <source>The agent asks you something before finishing the work.</source>
        <translation>Der Agent hat eine Frage an Sie, bevor er die Arbeit fertigstellt.</translation>
    </message>
    <message>
        <source>Final work ready</source>
        <translation>Endergebnis bereit</translation>
    </message>
    <message>
        <source>The final work is ready for you to look at and approve.</source>
        <translation>Das Endergebnis ist bereit: Sehen Sie es sich an und geben Sie es frei.</translation>
    </message>
    <message>
        <source>Problem reported</source>
        <translation>Problem gemeldet</translation>
    </message>
    <message>
        <source>You reported a problem with the work. AITasker looks into it.</source>
        <translation>Sie haben ein Problem mit der Arbeit gemeldet. AITasker prüft es.</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>Die Versionen werden geladen…</translation>
    </message>
    <message>
        <source>Parts of this task</source>
        <translation>Teile dieser Aufgabe</translation>
    </message>
    <message>
        <source>Pr&amp;ogress</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versionen</translation>
    </message>
    <message>
        <source>F&amp;inal work</source>
        <translation>&amp;Endergebnis</translation>
    </message>
    <message>
        <source>&amp;Money</source>
        <translation>&amp;Geld</translation>
    </message>
    <message>
        <source>&amp;Save all</source>
        <translation>Alles &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Approve and pay…</source>
        <translation>Freigeben und &amp;bezahlen…</translation>
    </message>
    <message>
        <source>Ask for c&amp;hanges…</source>
        <translation>Änderungen &amp;anfordern…</translation>
    </message>
    <message>
        <source>Report a &amp;problem…</source>
        <translation>&amp;Problem melden…</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>A&amp;ntworten…</translation>
    </message>
    <message>
        <source>Cancel tas&amp;k…</source>
        <translation>Aufgabe abbre&amp;chen…</translation>
    </message>
    <message>
        <source>Post a&amp;gain</source>
        <translation>Erneut e&amp;instellen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Your task</source>
        <translation>Ihre Aufgabe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The agent asks: “%1”</source>
        <translation>Der Agent fragt: „%1“</translation>
    </message>
    <message>
        <source>You approved the work.</source>
        <translation>Sie haben die Arbeit freigegeben.</translation>
    </message>
    <message>
        <source>The work was approved automatically: the time to approve it ended.</source>
        <translation>Die Arbeit wurde automatisch freigegeben: Die Zeit für die Freigabe war abgelaufen.</translation>
    </message>
    <message>
        <source>The task is finished.</source>
        <translation>Die Aufgabe ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The agent is waiting for your answer.</source>
        <translation>Der Agent wartet auf Ihre Antwort.</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <source>Your tasks</source>
        <translation>Ihre Aufgaben</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Search titles and descriptions</source>
        <translation>Titel und Beschreibungen durchsuchen</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Aufgaben durchsuchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Check for news on your tasks now (F5)</source>
        <translation>Jetzt nach Neuigkeiten zu Ihren Aufgaben sehen (F5)</translation>
    </message>
    <message>
        <source>Paste a task ID to add it</source>
        <translation>Aufgaben-ID einfügen, um sie hinzuzufügen</translation>
    </message>
    <message>
        <source>Task ID to add</source>
        <translation>Hinzuzufügende Aufgaben-ID</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Select a task to see all its details.</source>
        <translation>Wählen Sie eine Aufgabe, um alle Details zu sehen.</translation>
    </message>
    <message>
        <source>Details of the selected task</source>
        <translation>Details der gewählten Aufgabe</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>Weitere Details</translation>
    </message>
    <message>
        <source>More details of the selected task</source>
        <translation>Weitere Details der gewählten Aufgabe</translation>
    </message>
    <message>
        <source>Tasks you send appear here, with their progress.</source>
        <translation>Aufgaben, die Sie senden, erscheinen hier mit ihrem Fortschritt.</translation>
    </message>
    <message>
        <source>Show all tasks</source>
        <translation>Alle Aufgaben anzeigen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the &amp;review</source>
        <translation>&amp;Prüfung öffnen</translation>
    </message>
    <message>
        <source>Only a task that is ready for your review has one to open.</source>
        <translation>Nur eine Aufgabe, die bereit zur Prüfung ist, hat eine Prüfung zum Öffnen.</translation>
    </message>
    <message>
        <source>&amp;Post again</source>
        <translation>&amp;Erneut einstellen</translation>
    </message>
    <message>
        <source>A new draft with this task&apos;s details, to check and send</source>
        <translation>Ein neuer Entwurf mit den Angaben dieser Aufgabe, zum Prüfen und Senden</translation>
    </message>
    <message>
        <source>&amp;Cancel task…</source>
        <translation>Aufgabe &amp;abbrechen …</translation>
    </message>
    <message>
        <source>Only a task whose version is not chosen yet can be cancelled.</source>
        <translation>Nur eine Aufgabe, deren Version noch nicht gewählt ist, kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>Copy task &amp;ID</source>
        <translation>Aufgaben-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop waiting for AITasker (Esc)</source>
        <translation>Nicht länger auf AITasker warten (Esc)</translation>
    </message>
    <message>
        <source>Stops waiting; nothing is added</source>
        <translation>Beendet das Warten; es wird nichts hinzugefügt</translation>
    </message>
</context>
<context>
    <name>TasksTableModel</name>
    <message>
        <source>Could not refresh: %1</source>
        <translation>Nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>What this row shows came from AITasker at %1.</source>
        <translation>Was diese Zeile zeigt, kam am %1 von AITasker.</translation>
    </message>
    <message>
        <source>What this row shows was saved before the app started; it is tried again by itself.</source>
        <translation>Was diese Zeile zeigt, wurde vor dem Start der App gespeichert; es wird von selbst erneut versucht.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Untitled task</source>
        <translation>Aufgabe ohne Titel</translation>
    </message>
    <message>
        <source>Category / Type</source>
        <translation>Kategorie / Art</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>Wartet auf mich</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
</context>
<context>
    <name>TextQuestion</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>The version shown</source>
        <translation>Die angezeigte Version</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to AITasker Desktop</source>
        <translation>Willkommen bei AITasker Desktop</translation>
    </message>
    <message>
        <source>Post tasks to AITasker and follow them, without writing code.</source>
        <translation>Aufgaben bei AITasker einstellen und verfolgen, ohne zu programmieren.</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>A practice server on this computer: no account, no money</source>
        <translation>Ein Übungsserver auf diesem Computer: kein Konto, kein Geld</translation>
    </message>
    <message>
        <source>&amp;Connect your account</source>
        <translation>Ihr &amp;Konto verbinden</translation>
    </message>
    <message>
        <source>The demo shows the whole flow with a practice server: nothing is paid. To post real tasks, connect with an API key from your AITasker dashboard.</source>
        <translation>Die Demo zeigt den ganzen Ablauf mit einem Übungsserver: Es wird nichts bezahlt. Um echte Aufgaben einzustellen, verbinden Sie sich mit einem API-Schlüssel aus Ihrem AITasker-Dashboard.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>This computer has no system keychain that AITasker Desktop can use, so your API key can&apos;t be stored there. You can keep the key for this session only (the safest choice: you paste it again the next time you open the app), or save it in a file that only your user account can read. Anyone who can log in as you, or who can read your backups, could read the key from that file.</source>
        <translation>Dieser Computer hat keinen Systemschlüsselbund, den AITasker Desktop nutzen kann, deshalb kann Ihr API-Schlüssel dort nicht gespeichert werden. Sie können den Schlüssel nur für diese Sitzung behalten (die sicherste Wahl: Sie fügen ihn beim nächsten Öffnen wieder ein) oder ihn in einer Datei speichern, die nur Ihr Benutzerkonto lesen kann. Wer sich als Sie anmelden oder Ihre Sicherungen lesen kann, könnte den Schlüssel aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>Save it in the system keychain</source>
        <translation>Im Systemschlüsselbund speichern</translation>
    </message>
    <message>
        <source>Keep it for this session only</source>
        <translation>Nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <source>Nothing is written to disk. You will paste the key again next time.</source>
        <translation>Es wird nichts auf die Festplatte geschrieben. Sie fügen den Schlüssel beim nächsten Mal wieder ein.</translation>
    </message>
    <message>
        <source>Save it in a file only you can read</source>
        <translation>In einer Datei speichern, die nur Sie lesen können</translation>
    </message>
    <message>
        <source>The key is stored unencrypted in a file that only your user account can open. Anyone who can log in as you, or who can read your backups, can read it.</source>
        <translation>Der Schlüssel wird unverschlüsselt in einer Datei gespeichert, die nur Ihr Benutzerkonto öffnen kann. Wer sich als Sie anmelden oder Ihre Sicherungen lesen kann, kann ihn lesen.</translation>
    </message>
    <message>
        <source>Your API key comes from the AITASKER_API_KEY setting in your environment. The app uses it as it is and saves it nowhere. To change or remove it, change that setting and restart the app.</source>
        <translation>Ihr API-Schlüssel kommt aus der Einstellung AITASKER_API_KEY Ihrer Umgebung. Das Programm verwendet ihn so, wie er ist, und speichert ihn nirgends. Um ihn zu ändern oder zu entfernen, ändern Sie diese Einstellung und starten das Programm neu.</translation>
    </message>
    <message>
        <source>Your saved API key was not used, because other people on this computer could read or change the file it was kept in. Please enter your key again. To be safe, you can also create a new key in your AITasker dashboard and delete the old one.</source>
        <translation>Ihr gespeicherter API-Schlüssel wurde nicht verwendet, weil andere Personen auf diesem Computer die Datei, in der er lag, lesen oder ändern konnten. Bitte geben Sie Ihren Schlüssel erneut ein. Sicherheitshalber können Sie auch in Ihrem AITasker-Dashboard einen neuen Schlüssel erstellen und den alten löschen.</translation>
    </message>
    <message>
        <source>This computer has no system keychain the app can use. Keep the key for this session only, or save it in a file only you can read.</source>
        <translation>Dieser Computer hat keinen Systemschlüsselbund, den das Programm nutzen kann. Behalten Sie den Schlüssel nur für diese Sitzung, oder speichern Sie ihn in einer Datei, die nur Sie lesen können.</translation>
    </message>
    <message>
        <source>The system keychain did not accept your API key. It may be locked: unlock it and try again, or keep the key for this session only.</source>
        <translation>Der Systemschlüsselbund hat Ihren API-Schlüssel nicht angenommen. Vielleicht ist er gesperrt: Entsperren Sie ihn und versuchen Sie es erneut, oder behalten Sie den Schlüssel nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>Your API key could not be saved in a file. Check that your disk is not full.</source>
        <translation>Ihr API-Schlüssel konnte nicht in einer Datei gespeichert werden. Prüfen Sie, ob Ihre Festplatte voll ist.</translation>
    </message>
    <message>
        <source>The API key could not be removed from everywhere it was kept.</source>
        <translation>Der API-Schlüssel konnte nicht überall entfernt werden, wo er gespeichert war.</translation>
    </message>
    <message>
        <source>There is no key to save. Paste the key from your AITasker dashboard.</source>
        <translation>Es gibt keinen Schlüssel zum Speichern. Fügen Sie den Schlüssel aus Ihrem AITasker-Dashboard ein.</translation>
    </message>
    <message>
        <source>Your API key comes from the AITASKER_API_KEY setting and is saved nowhere.</source>
        <translation>Ihr API-Schlüssel kommt aus der Einstellung AITASKER_API_KEY und wird nirgends gespeichert.</translation>
    </message>
    <message>
        <source>Your API key is kept in the system keychain.</source>
        <translation>Ihr API-Schlüssel liegt im Systemschlüsselbund.</translation>
    </message>
    <message>
        <source>Your API key is kept in a file only your user account can read.</source>
        <translation>Ihr API-Schlüssel liegt in einer Datei, die nur Ihr Benutzerkonto lesen kann.</translation>
    </message>
    <message>
        <source>Your API key is kept for this session only. You will enter it again next time.</source>
        <translation>Ihr API-Schlüssel wird nur für diese Sitzung behalten. Sie geben ihn beim nächsten Mal erneut ein.</translation>
    </message>
    <message>
        <source>The key is empty. Paste the key from your AITasker dashboard.</source>
        <translation>Der Schlüssel ist leer. Fügen Sie den Schlüssel aus Ihrem AITasker-Dashboard ein.</translation>
    </message>
    <message>
        <source>The key contains spaces, line breaks or unusual characters, so it is probably not copied correctly. Copy it again from your AITasker dashboard.</source>
        <translation>Der Schlüssel enthält Leerzeichen, Zeilenumbrüche oder ungewöhnliche Zeichen und ist daher wohl nicht richtig kopiert. Kopieren Sie ihn erneut aus Ihrem AITasker-Dashboard.</translation>
    </message>
    <message>
        <source>This doesn&apos;t look like an AITasker key: those usually start with “aitk_”. You can still use it if you are sure it is right.</source>
        <translation>Das sieht nicht nach einem AITasker-Schlüssel aus: Diese beginnen meist mit „aitk_“. Sie können ihn trotzdem verwenden, wenn Sie sicher sind, dass er stimmt.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to AITasker.</source>
        <translation>Bei der Verbindung mit AITasker ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>The AITasker address must start with https:// so that your key travels encrypted.</source>
        <translation>Die AITasker-Adresse muss mit https:// beginnen, damit Ihr Schlüssel verschlüsselt übertragen wird.</translation>
    </message>
    <message>
        <source>Some of the details need a change before the task can be posted.</source>
        <translation>Einige Angaben müssen geändert werden, bevor die Aufgabe eingestellt werden kann.</translation>
    </message>
    <message>
        <source>AITasker did not accept your API key. Please check it, or enter a new one.</source>
        <translation>AITasker hat Ihren API-Schlüssel nicht angenommen. Bitte prüfen Sie ihn oder geben Sie einen neuen ein.</translation>
    </message>
    <message>
        <source>Your API key is not allowed to do this. It may be a read-only key: create a key that can post tasks in your AITasker dashboard.</source>
        <translation>Ihr API-Schlüssel darf das nicht. Vielleicht ist es ein Nur-Lese-Schlüssel: Erstellen Sie in Ihrem AITasker-Dashboard einen Schlüssel, der Aufgaben einstellen darf.</translation>
    </message>
    <message>
        <source>AITasker could not find this task. It may belong to another account.</source>
        <translation>AITasker konnte diese Aufgabe nicht finden. Vielleicht gehört sie zu einem anderen Konto.</translation>
    </message>
    <message>
        <source>AITasker asked us to slow down for a moment.</source>
        <translation>AITasker hat uns gebeten, kurz langsamer zu machen.</translation>
    </message>
    <message>
        <source>AITasker asked us to wait %1 s before trying again.</source>
        <translation>AITasker hat uns gebeten, %1 s zu warten, bevor wir es erneut versuchen.</translation>
    </message>
    <message>
        <source>AITasker is having trouble right now. Please try again in a few minutes.</source>
        <translation>AITasker hat gerade Probleme. Bitte versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>%1 Please try again in a few minutes.</source>
        <translation>%1 Bitte versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>The server had a problem (%1).</source>
        <translation>Der Server hatte ein Problem (%1).</translation>
    </message>
    <message>
        <source>Can&apos;t reach AITasker. Check your internet connection.</source>
        <translation>AITasker ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>The connection broke after your task was sent, so we can&apos;t tell whether AITasker received it. Nothing will be sent again without your say-so.</source>
        <translation>Die Verbindung brach ab, nachdem Ihre Aufgabe gesendet wurde, deshalb wissen wir nicht, ob AITasker sie erhalten hat. Ohne Ihre Zustimmung wird nichts erneut gesendet.</translation>
    </message>
    <message>
        <source>AITasker did not answer in time after your task was sent, so we can&apos;t tell whether it received it. Nothing will be sent again without your say-so.</source>
        <translation>AITasker hat nach dem Senden Ihrer Aufgabe nicht rechtzeitig geantwortet, deshalb wissen wir nicht, ob sie angekommen ist. Ohne Ihre Zustimmung wird nichts erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 It happened while receiving your task, so we can&apos;t tell whether it was posted. Nothing will be sent again without your say-so.</source>
        <translation>%1 Das geschah beim Empfang Ihrer Aufgabe, deshalb wissen wir nicht, ob sie eingestellt wurde. Ohne Ihre Zustimmung wird nichts erneut gesendet.</translation>
    </message>
    <message>
        <source>AITasker sent an answer this app does not understand.</source>
        <translation>AITasker hat eine Antwort gesendet, die dieses Programm nicht versteht.</translation>
    </message>
    <message>
        <source>There is not enough credit on your AITasker account for this task. Nothing was posted.</source>
        <translation>Das Guthaben Ihres AITasker-Kontos reicht für diese Aufgabe nicht aus. Es wurde nichts eingestellt.</translation>
    </message>
    <message>
        <source>There is not enough credit on your AITasker account for this. Nothing was changed.</source>
        <translation>Das Guthaben Ihres AITasker-Kontos reicht dafür nicht aus. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Not enough credit: this task needs %1 and your credit is %2, so %3 is missing. Nothing was posted.</source>
        <translation>Nicht genug Guthaben: Diese Aufgabe braucht %1, Ihr Guthaben beträgt %2, es fehlen also %3. Es wurde nichts eingestellt.</translation>
    </message>
    <message>
        <source>Not enough credit: this task needs %1. Nothing was posted.</source>
        <translation>Nicht genug Guthaben: Diese Aufgabe braucht %1. Es wurde nichts eingestellt.</translation>
    </message>
    <message>
        <source>Not enough credit: this needs %1 and your credit is %2, so %3 is missing. Nothing was changed.</source>
        <translation>Nicht genug Guthaben: Das braucht %1, Ihr Guthaben beträgt %2, es fehlen also %3. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>Your task is posted and waiting to be matched.</source>
        <translation>Ihre Aufgabe ist eingestellt und wartet auf eine Zuordnung.</translation>
    </message>
    <message>
        <source>Finding agents</source>
        <translation>Agenten werden gesucht</translation>
    </message>
    <message>
        <source>AITasker is choosing agents to work on it.</source>
        <translation>AITasker wählt Agenten aus, die daran arbeiten.</translation>
    </message>
    <message>
        <source>Agents at work</source>
        <translation>Agenten bei der Arbeit</translation>
    </message>
    <message>
        <source>Agents are preparing first versions.</source>
        <translation>Agenten bereiten erste Versionen vor.</translation>
    </message>
    <message>
        <source>Your task</source>
        <translation>Ihre Aufgabe</translation>
    </message>
    <message>
        <source> — closes at %1</source>
        <translation> — endet um %1</translation>
    </message>
    <message>
        <source>‘%1’ is ready for your review%2</source>
        <translation>„%1“ ist bereit zur Prüfung%2</translation>
    </message>
    <message>
        <source> (under ten minutes left)</source>
        <translation> (weniger als zehn Minuten übrig)</translation>
    </message>
    <message numerus="yes">
        <source>%n need your review</source>
        <translation>
            <numerusform>%n wartet auf Ihre Prüfung</numerusform>
            <numerusform>%n warten auf Ihre Prüfung</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready for your review</source>
        <translation>Bereit zur Prüfung</translation>
    </message>
    <message>
        <source>Review closes soon</source>
        <translation>Prüfung endet bald</translation>
    </message>
    <message>
        <source>Under ten minutes left to choose a version of ‘%1’%2</source>
        <translation>Weniger als zehn Minuten, um eine Version von „%1“ zu wählen%2</translation>
    </message>
    <message>
        <source>Requirements must be names and values.</source>
        <translation>Anforderungen müssen Namen und Werte sein.</translation>
    </message>
    <message>
        <source>Every requirement needs a name made of text.</source>
        <translation>Jede Anforderung braucht einen Namen aus Text.</translation>
    </message>
    <message>
        <source>Requirements can&apos;t contain an infinite or undefined number.</source>
        <translation>Anforderungen dürfen keine unendliche oder undefinierte Zahl enthalten.</translation>
    </message>
    <message>
        <source>Requirements can only contain text, numbers, yes/no, lists and groups of names and values.</source>
        <translation>Anforderungen dürfen nur Text, Zahlen, ja/nein, Listen und Gruppen aus Namen und Werten enthalten.</translation>
    </message>
    <message>
        <source>Requirements contain a value that can&apos;t be sent (for example a number with thousands of digits).</source>
        <translation>Anforderungen enthalten einen Wert, der nicht gesendet werden kann (zum Beispiel eine Zahl mit Tausenden Stellen).</translation>
    </message>
    <message>
        <source>First versions are ready: pick the one you like.</source>
        <translation>Erste Versionen sind fertig: Wählen Sie die, die Ihnen gefällt.</translation>
    </message>
    <message>
        <source>Final version in progress</source>
        <translation>Endfassung in Arbeit</translation>
    </message>
    <message>
        <source>The agent you picked is finishing the work.</source>
        <translation>Der gewählte Agent stellt die Arbeit fertig.</translation>
    </message>
    <message>
        <source>Question for you</source>
        <translation>Frage an Sie</translation>
    </message>
    <message>
        <source>The agent asks you something before finishing the work.</source>
        <translation>Der Agent fragt Sie etwas, bevor er die Arbeit fertigstellt.</translation>
    </message>
    <message>
        <source>The final work is ready for you to look at and approve.</source>
        <translation>Das Endergebnis ist fertig: Sehen Sie es sich an und nehmen Sie es ab.</translation>
    </message>
    <message>
        <source>Problem reported</source>
        <translation>Problem gemeldet</translation>
    </message>
    <message>
        <source>You reported a problem with the work. AITasker looks into it.</source>
        <translation>Sie haben ein Problem mit der Arbeit gemeldet. AITasker prüft es.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>The task is finished.</source>
        <translation>Die Aufgabe ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>The time ran out before a version was chosen. No money was taken.</source>
        <translation>Die Zeit lief ab, bevor eine Version gewählt wurde. Es wurde kein Geld abgebucht.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The task was cancelled before a winner was picked.</source>
        <translation>Die Aufgabe wurde abgebrochen, bevor ein Gewinner gewählt wurde.</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Saved on this computer. It will be sent when the connection is back.</source>
        <translation>Auf diesem Computer gespeichert. Sie wird gesendet, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>On its way to AITasker.</source>
        <translation>Unterwegs zu AITasker.</translation>
    </message>
    <message>
        <source>Not sure it was sent</source>
        <translation>Unklar, ob gesendet</translation>
    </message>
    <message>
        <source>We can&apos;t tell whether it reached AITasker. Open Drafts to see why, and to send it again or keep it as a draft.</source>
        <translation>Wir wissen nicht, ob sie bei AITasker angekommen ist. Öffnen Sie die Entwürfe, um den Grund zu sehen und sie erneut zu senden oder als Entwurf zu behalten.</translation>
    </message>
    <message>
        <source>Waiting for credit</source>
        <translation>Wartet auf Guthaben</translation>
    </message>
    <message>
        <source>AITasker refused it for lack of credit; nothing was posted. Add credit on AITasker&apos;s website, then press Refresh to send it.</source>
        <translation>AITasker hat sie mangels Guthaben abgelehnt; es wurde nichts eingestellt. Laden Sie auf der AITasker-Website Guthaben auf und drücken Sie dann „Aktualisieren“, um sie zu senden.</translation>
    </message>
    <message>
        <source>first versions due in %1</source>
        <translation>erste Versionen fällig in %1</translation>
    </message>
    <message>
        <source>first versions due %1</source>
        <translation>erste Versionen fällig %1</translation>
    </message>
    <message>
        <source>first versions were due %1</source>
        <translation>erste Versionen waren fällig %1</translation>
    </message>
    <message>
        <source>review closes in %1</source>
        <translation>Auswahl endet in %1</translation>
    </message>
    <message>
        <source>review closes %1</source>
        <translation>Auswahl endet %1</translation>
    </message>
    <message>
        <source>review closed %1</source>
        <translation>Auswahl endete %1</translation>
    </message>
    <message>
        <source>final work due in %1</source>
        <translation>Endergebnis fällig in %1</translation>
    </message>
    <message>
        <source>final work due %1</source>
        <translation>Endergebnis fällig %1</translation>
    </message>
    <message>
        <source>final work was due %1</source>
        <translation>Endergebnis war fällig %1</translation>
    </message>
    <message>
        <source>answer within %1</source>
        <translation>antworten innerhalb von %1</translation>
    </message>
    <message>
        <source>answer by %1</source>
        <translation>antworten bis %1</translation>
    </message>
    <message>
        <source>answer was due %1</source>
        <translation>Antwort war fällig %1</translation>
    </message>
    <message>
        <source>approve within %1</source>
        <translation>abnehmen innerhalb von %1</translation>
    </message>
    <message>
        <source>approve by %1</source>
        <translation>abnehmen bis %1</translation>
    </message>
    <message>
        <source>approval was due %1</source>
        <translation>Abnahme war fällig %1</translation>
    </message>
    <message>
        <source>next step within %1</source>
        <translation>nächster Schritt innerhalb von %1</translation>
    </message>
    <message>
        <source>next step by %1</source>
        <translation>nächster Schritt bis %1</translation>
    </message>
    <message>
        <source>next step was due %1</source>
        <translation>nächster Schritt war fällig %1</translation>
    </message>
    <message>
        <source>If no first version is ready by then, the task expires and no money is taken.</source>
        <translation>Ist bis dahin keine erste Version fertig, läuft die Aufgabe ab; es wird kein Geld abgebucht.</translation>
    </message>
    <message>
        <source>If no version is chosen by then, the task expires and no money is taken.</source>
        <translation>Wird bis dahin keine Version gewählt, läuft die Aufgabe ab; es wird kein Geld abgebucht.</translation>
    </message>
    <message>
        <source>When the agent expects to deliver the final work.</source>
        <translation>Bis dahin will der Agent das Endergebnis liefern.</translation>
    </message>
    <message>
        <source>If you don&apos;t answer by then, the agent goes on without your answer.</source>
        <translation>Antworten Sie bis dahin nicht, arbeitet der Agent ohne Ihre Antwort weiter.</translation>
    </message>
    <message>
        <source>If you neither approve it nor ask for changes by then, the work is approved automatically.</source>
        <translation>Nehmen Sie die Arbeit bis dahin weder ab noch bitten Sie um Änderungen, wird sie automatisch abgenommen.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>AITasker reported this status.</source>
        <translation>AITasker hat diesen Status gemeldet.</translation>
    </message>
    <message>
        <source>What do you need</source>
        <translation>Was brauchen Sie</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabenart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Posted on (ISO 8601)</source>
        <translation>Eingestellt am (ISO 8601)</translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation>Eingestellt am</translation>
    </message>
    <message>
        <source>Expires on (ISO 8601)</source>
        <translation>Läuft ab am (ISO 8601)</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Experimentation</source>
        <translation>Experimentierfreude</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Brand kit ID</source>
        <translation>Brand-Kit-ID</translation>
    </message>
    <message>
        <source>The task</source>
        <translation>Die Aufgabe</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>zu lang</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 Also to fix: %2.</source>
        <translation>%1 Außerdem zu beheben: %2.</translation>
    </message>
    <message>
        <source>⚠ %1/%2: 1 character too many</source>
        <translation>⚠ %1/%2: 1 Zeichen zu viel</translation>
    </message>
    <message>
        <source>⚠ %1/%2: %3 characters too many</source>
        <translation>⚠ %1/%2: %3 Zeichen zu viel</translation>
    </message>
    <message>
        <source>%1/%2: that is the most</source>
        <translation>%1/%2: mehr geht nicht</translation>
    </message>
    <message>
        <source>%1 (AITasker sent %2, which this computer can&apos;t show in its time zone)</source>
        <translation>%1 (AITasker hat %2 gesendet; dieser Computer kann das in seiner Zeitzone nicht anzeigen)</translation>
    </message>
    <message>
        <source>1 day %1 h</source>
        <translation>1 Tag %1 Std.</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>weniger als einer Minute</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>abgelaufen vor %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>a category</source>
        <translation>eine Kategorie</translation>
    </message>
    <message>
        <source>a task type</source>
        <translation>eine Aufgabenart</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>das Budget</translation>
    </message>
    <message>
        <source>experimentation</source>
        <translation>die Experimentierfreude</translation>
    </message>
    <message>
        <source>The highest %1 is %2.</source>
        <translation>Der höchste Wert für %1 ist %2.</translation>
    </message>
    <message>
        <source>The lowest %1 is %2.</source>
        <translation>Der niedrigste Wert für %1 ist %2.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>den Wert</translation>
    </message>
    <message>
        <source>the limit</source>
        <translation>die Grenze</translation>
    </message>
    <message>
        <source>Please choose %1.</source>
        <translation>Bitte wählen Sie %1.</translation>
    </message>
    <message>
        <source>This is 1 character too long (at most %1).</source>
        <translation>Das ist 1 Zeichen zu lang (höchstens %1).</translation>
    </message>
    <message>
        <source>This is %1 characters too long (at most %2).</source>
        <translation>Das ist %1 Zeichen zu lang (höchstens %2).</translation>
    </message>
    <message>
        <source>This is too long (at most %1 characters).</source>
        <translation>Das ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>This needs at least 1 character.</source>
        <translation>Hier muss mindestens 1 Zeichen stehen.</translation>
    </message>
    <message>
        <source>This needs at least %1 characters.</source>
        <translation>Hier müssen mindestens %1 Zeichen stehen.</translation>
    </message>
    <message>
        <source>This doesn&apos;t look like an ID. An ID looks like 123e4567-e89b-12d3-a456-426614174000.</source>
        <translation>Das sieht nicht nach einer ID aus. Eine ID sieht so aus: 123e4567-e89b-12d3-a456-426614174000.</translation>
    </message>
    <message>
        <source>This must be a list of names and values.</source>
        <translation>Das muss eine Liste aus Namen und Werten sein.</translation>
    </message>
    <message>
        <source>Please enter a number.</source>
        <translation>Bitte geben Sie eine Zahl ein.</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>Dieser Wert wird nicht angenommen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not something AITasker accepts.</source>
        <translation>„%1“ nimmt AITasker nicht an.</translation>
    </message>
    <message>
        <source>At most %1 decimals (cents).</source>
        <translation>Höchstens %1 Nachkommastellen (Cent).</translation>
    </message>
    <message>
        <source>At most %1 decimals.</source>
        <translation>Höchstens %1 Nachkommastellen.</translation>
    </message>
    <message>
        <source>Only a number can go here.</source>
        <translation>Hier kann nur eine Zahl stehen.</translation>
    </message>
    <message>
        <source>The picture took too long to load.</source>
        <translation>Das Bild hat zu lange zum Laden gebraucht.</translation>
    </message>
    <message>
        <source>The picture could not be loaded.</source>
        <translation>Das Bild konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>This is not a web address.</source>
        <translation>Das ist keine Webadresse.</translation>
    </message>
    <message>
        <source>The picture is not on a secure (https) address, so it is not loaded.</source>
        <translation>Das Bild liegt nicht unter einer sicheren (https-)Adresse und wird deshalb nicht geladen.</translation>
    </message>
    <message>
        <source>The picture has moved to another address, which is not followed.</source>
        <translation>Das Bild ist an eine andere Adresse umgezogen, der nicht gefolgt wird.</translation>
    </message>
    <message>
        <source>The picture could not be loaded (the server answered %1).</source>
        <translation>Das Bild konnte nicht geladen werden (der Server antwortete %1).</translation>
    </message>
    <message>
        <source>This address is not a picture.</source>
        <translation>Diese Adresse ist kein Bild.</translation>
    </message>
    <message>
        <source>The picture is larger than %1 MB, so it is not loaded.</source>
        <translation>Das Bild ist größer als %1 MB und wird deshalb nicht geladen.</translation>
    </message>
    <message>
        <source>An agent</source>
        <translation>Ein Agent</translation>
    </message>
    <message>
        <source>an agent&apos;s</source>
        <translation>die eines Agenten</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>noch nicht bewertet</translation>
    </message>
    <message>
        <source>Not scored yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>ausgezeichnet</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>sehr gut</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>ordentlich</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>%1 (%2/100)</source>
        <translation>%1 (%2/100)</translation>
    </message>
    <message>
        <source>Judged %1 (%2 of 100)</source>
        <translation>Bewertet mit %1 (%2 von 100)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Not connected to AITasker yet.</source>
        <translation>Noch nicht mit AITasker verbunden.</translation>
    </message>
    <message>
        <source>AITasker answered with a task that differs from this draft (it was probably posted earlier from an older version). That task is in your list. Your text was kept as a draft, not posted.</source>
        <translation>AITasker hat mit einer Aufgabe geantwortet, die sich von diesem Entwurf unterscheidet (sie wurde wohl früher aus einer älteren Version eingestellt). Diese Aufgabe steht in Ihrer Liste. Ihr Text wurde als Entwurf behalten, nicht eingestellt.</translation>
    </message>
    <message>
        <source>Some details need a change.</source>
        <translation>Einige Angaben müssen geändert werden.</translation>
    </message>
    <message>
        <source>No account connected yet.</source>
        <translation>Noch kein Konto verbunden.</translation>
    </message>
    <message>
        <source>No AITasker account is connected yet.</source>
        <translation>Es ist noch kein AITasker-Konto verbunden.</translation>
    </message>
    <message>
        <source>Sending was interrupted, so we can&apos;t tell whether AITasker received this task.</source>
        <translation>Das Senden wurde unterbrochen, deshalb wissen wir nicht, ob AITasker diese Aufgabe erhalten hat.</translation>
    </message>
    <message>
        <source>Some characters, such as 👍🏽 or 👨‍👩‍👧, take more than one of the %1 that AITasker allows here, so there is room for fewer.</source>
        <translation>Manche Zeichen, etwa 👍🏽 oder 👨‍👩‍👧, belegen mehr als eines der %1 Zeichen, die AITasker hier erlaubt; deshalb ist Platz für weniger.</translation>
    </message>
    <message>
        <source>AITasker does not let this key read this task (403).</source>
        <translation>AITasker erlaubt diesem Schlüssel nicht, diese Aufgabe zu lesen (403).</translation>
    </message>
    <message>
        <source>AITasker refused to show this task (401).</source>
        <translation>AITasker hat es abgelehnt, diese Aufgabe zu zeigen (401).</translation>
    </message>
    <message>
        <source>Something went wrong in this app while reading this task.</source>
        <translation>Beim Lesen dieser Aufgabe ist in dieser App etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>Enough for a small piece: a caption, a short text or a first simple idea.</source>
        <translation>Reicht für ein kleines Stück: eine Bildunterschrift, einen kurzen Text oder eine erste einfache Idee.</translation>
    </message>
    <message>
        <source>Enough for a typical small job: a logo idea, a blog post or a short translation.</source>
        <translation>Reicht für einen typischen kleinen Auftrag: eine Logo-Idee, einen Blogbeitrag oder eine kurze Übersetzung.</translation>
    </message>
    <message>
        <source>Pays for a fuller job with more detail: several logo ideas, a long article or a data report.</source>
        <translation>Bezahlt einen umfangreicheren Auftrag mit mehr Details: mehrere Logo-Ideen, einen langen Artikel oder einen Datenbericht.</translation>
    </message>
    <message>
        <source>Pays for a substantial job: a complete brand look, a series of posts or an in-depth analysis.</source>
        <translation>Bezahlt einen großen Auftrag: einen vollständigen Markenauftritt, eine Reihe von Beiträgen oder eine gründliche Analyse.</translation>
    </message>
    <message>
        <source>Pays for a large or specialist job: agents can give it more time and care.</source>
        <translation>Bezahlt einen großen oder fachlich anspruchsvollen Auftrag: Agenten können sich mehr Zeit und Sorgfalt nehmen.</translation>
    </message>
    <message>
        <source>You pay only when you approve a final version.</source>
        <translation>Sie zahlen erst, wenn Sie eine endgültige Version abnehmen.</translation>
    </message>
    <message>
        <source>The same as your last task of this type.</source>
        <translation>So viel wie bei Ihrer letzten Aufgabe dieser Art.</translation>
    </message>
    <message>
        <source>A modest first amount: it fits in the free credit new accounts get.</source>
        <translation>Ein bescheidener erster Betrag: Er passt in das Gratisguthaben, das neue Konten erhalten.</translation>
    </message>
    <message>
        <source>Please enter an amount in dollars.</source>
        <translation>Bitte geben Sie einen Betrag in Dollar ein.</translation>
    </message>
    <message>
        <source>%1 is more than the highest budget, %2. Lower it to send.</source>
        <translation>%1 ist mehr als das höchste Budget, %2. Senken Sie den Betrag, um zu senden.</translation>
    </message>
    <message>
        <source>%1 is less than the lowest budget, %2. Raise it to send.</source>
        <translation>%1 ist weniger als das niedrigste Budget, %2. Erhöhen Sie den Betrag, um zu senden.</translation>
    </message>
    <message>
        <source>Amounts go to the cent: %1 has smaller parts.</source>
        <translation>Beträge gehen auf den Cent genau: %1 enthält Bruchteile eines Cents.</translation>
    </message>
    <message>
        <source>There is not enough space on the disk.</source>
        <translation>Auf dem Datenträger ist nicht genug Platz.</translation>
    </message>
    <message>
        <source>This app may not write in the folder %1.</source>
        <translation>Diese App darf im Ordner %1 nicht schreiben.</translation>
    </message>
    <message>
        <source>The file could not be written to the disk.</source>
        <translation>Die Datei konnte nicht auf den Datenträger geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>This file is not at a web address, so it was not saved.</source>
        <translation>Diese Datei liegt nicht unter einer Webadresse und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>This file is not at a secure (https) address, so it was not saved.</source>
        <translation>Diese Datei liegt nicht unter einer sicheren (https-)Adresse und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The download took longer than %1 minutes and was stopped.</source>
        <translation>Der Download hat länger als %1 Minuten gedauert und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The file that arrived is not the one the final work lists (its checksum differs), so it was not saved.</source>
        <translation>Die angekommene Datei ist nicht die, die in der fertigen Arbeit angegeben ist (ihre Prüfsumme weicht ab), und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The file has moved to an address this app does not follow, so it was not saved.</source>
        <translation>Die Datei ist an eine Adresse umgezogen, der diese App nicht folgt, und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The file arrived incomplete (%1 of %2), so it was not saved.</source>
        <translation>Die Datei kam unvollständig an (%1 von %2) und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The server did not give the file (it answered %1).</source>
        <translation>Der Server hat die Datei nicht herausgegeben (Antwort: %1).</translation>
    </message>
    <message>
        <source>The server is sending another kind of file (%1) than the final work lists (%2), so it was not saved.</source>
        <translation>Der Server sendet eine andere Art von Datei (%1), als in der fertigen Arbeit angegeben (%2); sie wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The server is sending a file of another size (%1) than the final work lists (%2), so it was not saved.</source>
        <translation>Der Server sendet eine Datei anderer Größe (%1), als in der fertigen Arbeit angegeben (%2); sie wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The server sent more than the final work lists (%1), so the file was not saved.</source>
        <translation>Der Server hat mehr gesendet, als in der fertigen Arbeit angegeben (%1); die Datei wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The file is larger than %1, so it was not saved.</source>
        <translation>Die Datei ist größer als %1 und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>Can&apos;t reach the server that holds this file.</source>
        <translation>Der Server, auf dem diese Datei liegt, ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The download stopped: the server sent nothing for %1 seconds.</source>
        <translation>Der Download wurde abgebrochen: Der Server hat %1 Sekunden lang nichts gesendet.</translation>
    </message>
    <message>
        <source>The connection broke before the whole file arrived. Nothing was kept.</source>
        <translation>Die Verbindung ist abgebrochen, bevor die ganze Datei angekommen war. Es wurde nichts behalten.</translation>
    </message>
    <message>
        <source>There is not enough space on the disk: the file needs %1, %2 are free.</source>
        <translation>Auf dem Datenträger ist nicht genug Platz: Die Datei braucht %1, frei sind %2.</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>Die Datei konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>AITasker task</source>
        <translation>AITasker-Aufgabe</translation>
    </message>
    <message>
        <source>The AITasker address must look like https://api.aitasker.co.</source>
        <translation>Die AITasker-Adresse muss so aussehen: https://api.aitasker.co.</translation>
    </message>
    <message>
        <source>This task can&apos;t be sent as it stands: its requirements can&apos;t be written down.</source>
        <translation>Diese Aufgabe kann so nicht gesendet werden: Ihre Anforderungen lassen sich nicht aufschreiben.</translation>
    </message>
    <message>
        <source>These requirements can&apos;t be sent. Please simplify them.</source>
        <translation>Diese Anforderungen können nicht gesendet werden. Bitte vereinfachen Sie sie.</translation>
    </message>
    <message>
        <source>AITasker answered, but in a way this app could not read, so we can&apos;t tell whether your task was posted. Nothing will be sent again without your say-so.</source>
        <translation>AITasker hat geantwortet, aber so, dass diese App es nicht lesen konnte. Daher wissen wir nicht, ob Ihre Aufgabe eingestellt wurde. Ohne Ihre Zustimmung wird nichts erneut gesendet.</translation>
    </message>
    <message>
        <source>We can&apos;t tell whether AITasker received your choice. Nothing was sent again: the review will check what AITasker now shows.</source>
        <translation>Wir wissen nicht, ob AITasker Ihre Wahl erhalten hat. Es wurde nichts erneut gesendet: Die Prüfung sieht nach, was AITasker jetzt anzeigt.</translation>
    </message>
    <message>
        <source>We can&apos;t tell whether AITasker received this request. Nothing was sent again.</source>
        <translation>Wir wissen nicht, ob AITasker diese Anfrage erhalten hat. Es wurde nichts erneut gesendet.</translation>
    </message>
    <message>
        <source>AITasker did not accept this request. It said: %1</source>
        <translation>AITasker hat diese Anfrage nicht angenommen. Die Antwort: %1</translation>
    </message>
    <message>
        <source>AITasker did not accept this request.</source>
        <translation>AITasker hat diese Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>There is no usable API key. Paste the key from your AITasker dashboard again.</source>
        <translation>Es gibt keinen brauchbaren API-Schlüssel. Fügen Sie den Schlüssel aus Ihrem AITasker-Dashboard erneut ein.</translation>
    </message>
    <message>
        <source>AITasker did not answer in time.</source>
        <translation>AITasker hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to AITasker broke. Trying again may help.</source>
        <translation>Die Verbindung zu AITasker ist abgebrochen. Ein neuer Versuch kann helfen.</translation>
    </message>
    <message>
        <source>AITasker answered from a different address. Check the API address in Settings.</source>
        <translation>AITasker hat von einer anderen Adresse geantwortet. Prüfen Sie die API-Adresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>AITasker refused this request. It said: %1</source>
        <translation>AITasker hat diese Anfrage abgelehnt. Die Antwort: %1</translation>
    </message>
    <message>
        <source>AITasker refused this request.</source>
        <translation>AITasker hat diese Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation>Spitzenbewertung</translation>
    </message>
    <message>
        <source>Rising talent</source>
        <translation>Aufsteigendes Talent</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Etabliert</translation>
    </message>
    <message>
        <source>Newcomer</source>
        <translation>Neuling</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Fit to brief</source>
        <translation>Passend zum Auftrag</translation>
    </message>
    <message>
        <source>Originality</source>
        <translation>Originalität</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Connect an AITasker account first.</source>
        <translation>Verbinden Sie zuerst ein AITasker-Konto.</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>not saved — disk full</source>
        <translation>nicht gespeichert — Datenträger voll</translation>
    </message>
    <message>
        <source>not saved — folder is read-only</source>
        <translation>nicht gespeichert — Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>There is no space left on the disk that holds %1, so AITasker Desktop cannot save your work there. Nothing was changed or deleted. Free some space on that disk, then open the app again.</source>
        <translation>Auf dem Datenträger mit %1 ist kein Platz mehr, daher kann AITasker Desktop Ihre Arbeit dort nicht speichern. Es wurde nichts geändert oder gelöscht. Schaffen Sie auf diesem Datenträger etwas Platz und öffnen Sie die App dann erneut.</translation>
    </message>
    <message>
        <source>There is no space left on the disk that holds %1, so AITasker Desktop cannot save your work there. What you type stays in the window but is not saved yet. Free some space on that disk; saving starts again by itself.</source>
        <translation>Auf dem Datenträger mit %1 ist kein Platz mehr, daher kann AITasker Desktop Ihre Arbeit dort nicht speichern. Was Sie eingeben, bleibt im Fenster, ist aber noch nicht gespeichert. Schaffen Sie auf diesem Datenträger etwas Platz; das Speichern beginnt dann von selbst wieder.</translation>
    </message>
    <message>
        <source>AITasker Desktop is not allowed to save in %1 (the folder is read-only, cannot be created, or belongs to someone else). Nothing was changed or deleted. Make the folder writable for your user, or start the app with another folder (--data-dir).</source>
        <translation>AITasker Desktop darf nicht in %1 speichern (der Ordner ist schreibgeschützt, kann nicht angelegt werden oder gehört jemand anderem). Es wurde nichts geändert oder gelöscht. Machen Sie den Ordner für Ihren Benutzer beschreibbar oder starten Sie die App mit einem anderen Ordner (--data-dir).</translation>
    </message>
    <message>
        <source>AITasker Desktop is not allowed to save in %1 (the folder is read-only, cannot be created, or belongs to someone else). What you type stays in the window but is not saved. Make the folder writable again.</source>
        <translation>AITasker Desktop darf nicht in %1 speichern (der Ordner ist schreibgeschützt, kann nicht angelegt werden oder gehört jemand anderem). Was Sie eingeben, bleibt im Fenster, wird aber nicht gespeichert. Machen Sie den Ordner wieder beschreibbar.</translation>
    </message>
    <message>
        <source>AITasker Desktop could not save your work in %1. Nothing was changed or deleted. Check that the disk is connected and working, then open the app again.</source>
        <translation>AITasker Desktop konnte Ihre Arbeit nicht in %1 speichern. Es wurde nichts geändert oder gelöscht. Prüfen Sie, ob der Datenträger angeschlossen ist und funktioniert, und öffnen Sie die App dann erneut.</translation>
    </message>
    <message>
        <source>AITasker Desktop could not save your work in %1. What you type stays in the window; saving is tried again.</source>
        <translation>AITasker Desktop konnte Ihre Arbeit nicht in %1 speichern. Was Sie eingeben, bleibt im Fenster; das Speichern wird erneut versucht.</translation>
    </message>
    <message>
        <source>This draft could not be saved.</source>
        <translation>Dieser Entwurf konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Your saved drafts were written by a newer version of AITasker Desktop. Please update the app to open them.</source>
        <translation>Ihre gespeicherten Entwürfe stammen von einer neueren Version von AITasker Desktop. Bitte aktualisieren Sie die App, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>‘%1’: the final work is ready</source>
        <translation>„%1“: Die fertige Arbeit ist bereit</translation>
    </message>
    <message>
        <source>‘%1’: the agent asks you something</source>
        <translation>„%1“: Der Agent hat eine Frage an Sie</translation>
    </message>
    <message>
        <source>‘%1’: ready for your review</source>
        <translation>„%1“: bereit zur Prüfung</translation>
    </message>
    <message>
        <source>‘%1’: the review closed without a choice</source>
        <translation>„%1“: Die Prüfung endete ohne Wahl</translation>
    </message>
    <message>
        <source>‘%1’: expired</source>
        <translation>„%1“: abgelaufen</translation>
    </message>
    <message>
        <source>‘%1’: cancelled by AITasker</source>
        <translation>„%1“: von AITasker abgebrochen</translation>
    </message>
    <message>
        <source>‘%1’: approved automatically</source>
        <translation>„%1“: automatisch abgenommen</translation>
    </message>
    <message>
        <source>‘%1’: completed</source>
        <translation>„%1“: abgeschlossen</translation>
    </message>
    <message>
        <source>While you were away: %1</source>
        <translation>Während Sie weg waren: %1</translation>
    </message>
    <message>
        <source>The final work of ‘%1’ is ready to look at.</source>
        <translation>Die fertige Arbeit von „%1“ ist bereit zum Ansehen.</translation>
    </message>
    <message>
        <source> Approve it or ask for changes by %1.</source>
        <translation> Nehmen Sie sie bis %1 ab, oder erbitten Sie Änderungen.</translation>
    </message>
    <message>
        <source>Final work ready</source>
        <translation>Fertige Arbeit bereit</translation>
    </message>
    <message numerus="yes">
        <source>%n final works ready</source>
        <translation>
            <numerusform>%n fertige Arbeit bereit</numerusform>
            <numerusform>%n fertige Arbeiten bereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n questions for you</source>
        <translation>
            <numerusform>%n Frage an Sie</numerusform>
            <numerusform>%n Fragen an Sie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready for your review</source>
        <translation>
            <numerusform>%n bereit zur Prüfung</numerusform>
            <numerusform>%n bereit zur Prüfung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviews closed</source>
        <translation>
            <numerusform>%n Prüfung beendet</numerusform>
            <numerusform>%n Prüfungen beendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired</source>
        <translation>
            <numerusform>%n abgelaufen</numerusform>
            <numerusform>%n abgelaufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled by AITasker</source>
        <translation>
            <numerusform>%n von AITasker abgebrochen</numerusform>
            <numerusform>%n von AITasker abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved automatically</source>
        <translation>
            <numerusform>%n automatisch abgenommen</numerusform>
            <numerusform>%n automatisch abgenommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n abgeschlossen</numerusform>
            <numerusform>%n abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>The agent working on ‘%1’ asks you something.</source>
        <translation>Der Agent, der an „%1“ arbeitet, hat eine Frage an Sie.</translation>
    </message>
    <message>
        <source>A question for you</source>
        <translation>Eine Frage an Sie</translation>
    </message>
    <message>
        <source>Review closed</source>
        <translation>Prüfung beendet</translation>
    </message>
    <message>
        <source>Task expired</source>
        <translation>Aufgabe abgelaufen</translation>
    </message>
    <message>
        <source>Task cancelled</source>
        <translation>Aufgabe abgebrochen</translation>
    </message>
    <message>
        <source>Approved automatically</source>
        <translation>Automatisch abgenommen</translation>
    </message>
    <message>
        <source>‘%1’ was approved automatically: the time to approve it ended.</source>
        <translation>„%1“ wurde automatisch abgenommen: Die Frist für Ihre Abnahme ist abgelaufen.</translation>
    </message>
    <message>
        <source>The review of ‘%1’ closes at %2: choose a version before then.</source>
        <translation>Die Prüfung von „%1“ endet um %2: Wählen Sie vorher eine Version.</translation>
    </message>
    <message>
        <source>The agent working on ‘%1’ waits for your answer until %2.</source>
        <translation>Der Agent, der an „%1“ arbeitet, wartet bis %2 auf Ihre Antwort.</translation>
    </message>
    <message>
        <source>The time to approve the final work of ‘%1’ ends at %2.</source>
        <translation>Die Frist, die fertige Arbeit von „%1“ abzunehmen, endet um %2.</translation>
    </message>
    <message>
        <source>Less than an hour left</source>
        <translation>Weniger als eine Stunde</translation>
    </message>
    <message>
        <source>by you</source>
        <translation>von Ihnen</translation>
    </message>
    <message>
        <source>by the agent</source>
        <translation>vom Agenten</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>You approved the work.</source>
        <translation>Sie haben die Arbeit abgenommen.</translation>
    </message>
    <message>
        <source>The work was approved automatically: the time to look at it and approve it ended.</source>
        <translation>Die Arbeit wurde automatisch abgenommen: Die Zeit zum Ansehen und Abnehmen war abgelaufen.</translation>
    </message>
    <message>
        <source>Nothing was sent: this app could not write the request down first. %1</source>
        <translation>Es wurde nichts gesendet: Die App konnte die Anfrage nicht vorher festhalten. %1</translation>
    </message>
</context>
<context>
    <name>presenters</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Untitled task</source>
        <translation>Aufgabe ohne Titel</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Chosen version</source>
        <translation>Gewählte Version</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Question from the agent</source>
        <translation>Frage des Agenten</translation>
    </message>
    <message>
        <source>Final work</source>
        <translation>Endfassung</translation>
    </message>
    <message>
        <source>Changes left</source>
        <translation>Verbleibende Änderungen</translation>
    </message>
    <message>
        <source>Changes asked for</source>
        <translation>Erbetene Änderungen</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Reklamation</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Abgenommen von</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>Abgenommen am</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Chosen version: %1 (%2)</source>
        <translation>Gewählte Version: %1 (%2)</translation>
    </message>
    <message>
        <source>Chosen version: %1</source>
        <translation>Gewählte Version: %1</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Bezahlt: %1</translation>
    </message>
    <message>
        <source>Returned to your credit: %1</source>
        <translation>Ihrem Guthaben gutgeschrieben: %1</translation>
    </message>
    <message>
        <source>Budget: %1</source>
        <translation>Budget: %1</translation>
    </message>
    <message>
        <source>Experimentation: %1</source>
        <translation>Experimentierfreude: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Compute budget: %1</source>
        <translation>Rechenbudget: %1</translation>
    </message>
    <message>
        <source>Prototype tier: %1</source>
        <translation>Prototyp-Stufe: %1</translation>
    </message>
    <message>
        <source>Brand kit: %1</source>
        <translation>Brand-Kit: %1</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Anhänge: %1</translation>
    </message>
    <message>
        <source>Requirements:</source>
        <translation>Anforderungen:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>Nächster Schritt: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Current step ends: %1</source>
        <translation>Aktueller Schritt endet: %1</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Was geschah:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Task ID: %1</source>
        <translation>Aufgaben-ID: %1</translation>
    </message>
    <message>
        <source>In the outbox since: %1</source>
        <translation>Im Postausgang seit: %1</translation>
    </message>
    <message>
        <source>Last try: %1</source>
        <translation>Letzter Versuch: %1</translation>
    </message>
</context>
<context>
    <name>startup_problem</name>
    <message>
        <source>AITasker Desktop cannot start</source>
        <translation>AITasker Desktop kann nicht starten</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Die Festplatte ist voll.</translation>
    </message>
    <message>
        <source>AITasker Desktop cannot start.</source>
        <translation>AITasker Desktop kann nicht starten.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>taxonomy</name>
    <message>
        <source>Writing &amp; Translation</source>
        <translation>Texte &amp; Übersetzungen</translation>
    </message>
    <message>
        <source>Graphics &amp; Design</source>
        <translation>Grafik &amp; Design</translation>
    </message>
    <message>
        <source>Digital Marketing</source>
        <translation>Digitales Marketing</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Geschäftliches</translation>
    </message>
    <message>
        <source>AI Services</source>
        <translation>KI-Dienste</translation>
    </message>
    <message>
        <source>Programming &amp; Automation</source>
        <translation>Programmierung &amp; Automatisierung</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>Blogbeitrag</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Logo design</source>
        <translation>Logo-Design</translation>
    </message>
    <message>
        <source>Social media post</source>
        <translation>Beitrag für soziale Medien</translation>
    </message>
    <message>
        <source>Data analysis</source>
        <translation>Datenanalyse</translation>
    </message>
    <message>
        <source>Data analysis summary</source>
        <translation>Zusammenfassung einer Datenanalyse</translation>
    </message>
</context>
</TS>
