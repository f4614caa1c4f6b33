<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExamState</name>
    <message>
        <location filename="../labels.py" line="13" />
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14" />
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15" />
        <source>Imaging</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Images taken</source>
        <translation>已采集</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>At center</source>
        <translation>已到中心</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19" />
        <source>Preliminary</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20" />
        <source>Consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21" />
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../labels.py" line="29" />
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30" />
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31" />
        <source>STAT</source>
        <translation>急诊</translation>
    </message>
</context>
<context>
    <name>QtBoardModel</name>
    <message>
        <location filename="../status/qt_board_model.py" line="80" />
        <source>!</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="80" />
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="80" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="81" />
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="81" />
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="81" />
        <source>Mod.</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="82" />
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="82" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="82" />
        <source>Reader</source>
        <translation>阅片医生</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="83" />
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="83" />
        <source>Elapsed</source>
        <translation>用时</translation>
    </message>
</context>
<context>
    <name>QtExamDrawer</name>
    <message>
        <location filename="../status/qt_status_page.py" line="73" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="76" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="76" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="76" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="81" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="81" />
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="91" />
        <source>Timeline</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="95" />
        <source>Turnaround</source>
        <translation>周转时间</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="104" />
        <source>{accession} · {site} · {modality} · {phonetic}</source>
        <translation>{accession} · {site} · {modality} · {phonetic}</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="110" />
        <source>{status} — {elapsed} since registration</source>
        <translation>{status} — 登记后 {elapsed}</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="133" />
        <source>Acquisition</source>
        <translation>影像采集</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="134" />
        <source>Transfer to center</source>
        <translation>传输至中心</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="135" />
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="136" />
        <source>Preliminary report</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="137" />
        <source>Review and sign-off</source>
        <translation>审核签发</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="138" />
        <source>Printing</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>QtLoginDialog</name>
    <message>
        <location filename="../qt_login.py" line="52" />
        <source>Tiered Workstation — sign in</source>
        <translation>分级诊疗影像工作站 — 登录</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="55" />
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="60" />
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="63" />
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="66" />
        <source>Work as</source>
        <translation>工作角色</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="71" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="79" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="80" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="100" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="103" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="112" />
        <source>This account has no role at this site; ask the administrator to give it one.</source>
        <translation>此账号在本院没有角色，请联系管理员分配。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="126" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="136" />
        <source>Too many wrong passwords: this account is locked for a while. An administrator can set a new password to unlock it.</source>
        <translation>密码错误次数过多，账号已暂时锁定。管理员可重设密码解锁。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="140" />
        <source>Unknown user name or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="142" />
        <source>The site database cannot be read: {error}</source>
        <translation>无法读取本院数据库：{error}</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../main_window.py" line="57" />
        <source>Tiered Workstation — {site}</source>
        <translation>分级诊疗影像工作站 — {site}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="80" />
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="117" />
        <source>Signed in as {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125" />
        <source>Status board</source>
        <translation>状态看板</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="137" />
        <source>Switch light/dark theme</source>
        <translation>切换浅色/深色主题</translation>
    </message>
</context>
<context>
    <name>QtStatusPage</name>
    <message>
        <location filename="../status/qt_status_page.py" line="173" />
        <source>Search name, pinyin, accession, exam…  (Ctrl+F)</source>
        <translation>搜索姓名、拼音、检查号、检查项目…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="177" />
        <source>All sites</source>
        <translation>全部医院</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="180" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="181" />
        <source>Open exams</source>
        <translation>未完成检查</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="186" />
        <source>All modalities</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="191" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="192" />
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="193" />
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="195" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="196" />
        <source>Only exams assigned to me</source>
        <translation>只看分配给我的检查</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="304" />
        <source>{shown} shown · {open} open · {risk} at risk · {overdue} overdue</source>
        <translation>显示 {shown} · 未完成 {open} · 临近超时 {risk} · 已超时 {overdue}</translation>
    </message>
</context>
<context>
    <name>QtWorkstation</name>
    <message>
        <location filename="../app.py" line="71" />
        <source>The site's DICOM node could not start: {error}</source>
        <translation>本院 DICOM 节点无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../labels.py" line="37" />
        <source>DR technician</source>
        <translation>DR技师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38" />
        <source>Community doctor</source>
        <translation>社区医生</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39" />
        <source>Attending radiologist</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40" />
        <source>Senior reviewer</source>
        <translation>审核医师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41" />
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43" />
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <location filename="../labels.py" line="60" />
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60" />
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TatStatus</name>
    <message>
        <location filename="../labels.py" line="50" />
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51" />
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53" />
        <source>Within target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54" />
        <source>Target missed</source>
        <translation>超时完成</translation>
    </message>
</context>
</TS>