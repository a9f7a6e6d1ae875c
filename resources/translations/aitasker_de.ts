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
</TS>
