<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExamState</name>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Imaging</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Images taken</source>
        <translation>已采集</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>At center</source>
        <translation>已到中心</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Preliminary</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>STAT</source>
        <translation>急诊</translation>
    </message>
</context>
<context>
    <name>QtBoardModel</name>
    <message>
        <location filename="../status/qt_board_model.py" line="103"/>
        <source>!</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="103"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="103"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="104"/>
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="104"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="104"/>
        <source>Mod.</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="105"/>
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="105"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="105"/>
        <source>Reader</source>
        <translation>阅片医生</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="106"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="106"/>
        <source>Elapsed</source>
        <translation>用时</translation>
    </message>
</context>
<context>
    <name>QtExamDrawer</name>
    <message>
        <location filename="../status/qt_status_page.py" line="74"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="78"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="82"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="82"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="92"/>
        <source>Timeline</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="96"/>
        <source>Turnaround</source>
        <translation>周转时间</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="105"/>
        <source>{accession} · {site} · {modality} · {phonetic}</source>
        <translation>{accession} · {site} · {modality} · {phonetic}</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="111"/>
        <source>{status} — {elapsed} since registration</source>
        <translation>{status} — 登记后 {elapsed}</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="134"/>
        <source>Acquisition</source>
        <translation>影像采集</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="135"/>
        <source>Transfer to center</source>
        <translation>传输至中心</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="136"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="137"/>
        <source>Preliminary report</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="138"/>
        <source>Review and sign-off</source>
        <translation>审核签发</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="139"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>QtLoginDialog</name>
    <message>
        <location filename="../qt_login.py" line="52"/>
        <source>Tiered Workstation — sign in</source>
        <translation>分级诊疗影像工作站 — 登录</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="55"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="60"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="63"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="66"/>
        <source>Work as</source>
        <translation>工作角色</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="71"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="79"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="80"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="100"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="103"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="112"/>
        <source>This account has no role at this site; ask the administrator to give it one.</source>
        <translation>此账号在本院没有角色，请联系管理员分配。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="126"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="136"/>
        <source>Too many wrong passwords: this account is locked for a while. An administrator can set a new password to unlock it.</source>
        <translation>密码错误次数过多，账号已暂时锁定。管理员可重设密码解锁。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="140"/>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="142"/>
        <source>The site database cannot be read: {error}</source>
        <translation>无法读取本院数据库：{error}</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../main_window.py" line="58"/>
        <source>Tiered Workstation — {site}</source>
        <translation>分级诊疗影像工作站 — {site}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="81"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>Signed in as {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>Status board</source>
        <translation>状态看板</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>Node status</source>
        <translation>节点状态</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="140"/>
        <source>Switch light/dark theme</source>
        <translation>切换浅色/深色主题</translation>
    </message>
</context>
<context>
    <name>QtNodePage</name>
    <message>
        <location filename="../qt_node_page.py" line="45"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="45"/>
        <location filename="../qt_node_page.py" line="48"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="46"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="47"/>
        <source>AE title</source>
        <translation>AE 名称</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="47"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="48"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="49"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="57"/>
        <location filename="../qt_node_page.py" line="65"/>
        <source>mutual TLS</source>
        <translation>双向 TLS</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="57"/>
        <source>plain</source>
        <translation>明文</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="64"/>
        <source>Center sync API</source>
        <translation>中心同步接口</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="69"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="71"/>
        <source>C-ECHO the selected peer, or call the center&apos;s API</source>
        <translation>对所选节点发送 C-ECHO，或调用中心接口</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="73"/>
        <source>Test all</source>
        <translation>全部测试</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="86"/>
        <source>Services of this site</source>
        <translation>本院服务</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="88"/>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="93"/>
        <source>Peers</source>
        <translation>对端节点</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="132"/>
        <source>Site node</source>
        <translation>医院节点</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="132"/>
        <source>Modality</source>
        <translation>影像设备</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="133"/>
        <source>Viewer</source>
        <translation>阅片工作站</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="134"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="138"/>
        <source>DICOM node {ae}</source>
        <translation>DICOM 节点 {ae}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="139"/>
        <source>DICOM TLS (mutual)</source>
        <translation>DICOM TLS（双向认证）</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="140"/>
        <source>Sync API (HTTPS)</source>
        <translation>同步接口 (HTTPS)</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="153"/>
        <source>listening</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="153"/>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="163"/>
        <source>This app does not run the node itself (gui.embed_node = false); a separate service does.</source>
        <translation>本程序不内置运行节点（gui.embed_node = false），由独立服务运行。</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="166"/>
        <source>The node runs inside this app.</source>
        <translation>节点在本程序内运行。</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="168"/>
        <source>The node inside this app is starting or stopped.</source>
        <translation>本程序内的节点正在启动或已停止。</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="170"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="171"/>
        <source>Messages waiting for other sites: {waiting}
Image batches waiting to be forwarded: {forward}</source>
        <translation>待发往其他医院的消息：{waiting}
待转发的影像批次：{forward}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="175"/>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="192"/>
        <source>testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="203"/>
        <source>OK in {ms} ms — {detail}</source>
        <translation>成功，{ms} 毫秒 — {detail}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="206"/>
        <source>Failed — {detail}</source>
        <translation>失败 — {detail}</translation>
    </message>
</context>
<context>
    <name>QtStatusPage</name>
    <message>
        <location filename="../status/qt_status_page.py" line="174"/>
        <source>Search name, pinyin, accession, exam…  (Ctrl+F)</source>
        <translation>搜索姓名、拼音、检查号、检查项目…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="178"/>
        <source>All sites</source>
        <translation>全部医院</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="181"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="182"/>
        <source>Open exams</source>
        <translation>未完成检查</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="187"/>
        <source>All modalities</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="192"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="193"/>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="194"/>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="196"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="197"/>
        <source>Only exams assigned to me</source>
        <translation>只看分配给我的检查</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="315"/>
        <source>{shown} shown · {open} open · {risk} at risk · {overdue} overdue</source>
        <translation>显示 {shown} · 未完成 {open} · 临近超时 {risk} · 已超时 {overdue}</translation>
    </message>
</context>
<context>
    <name>QtWorkstation</name>
    <message>
        <location filename="../app.py" line="90"/>
        <source>The site&apos;s DICOM node could not start: {error}</source>
        <translation>本院 DICOM 节点无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>DR technician</source>
        <translation>DR技师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>Community doctor</source>
        <translation>社区医生</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Attending radiologist</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>Senior reviewer</source>
        <translation>审核医师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../labels.py" line="62"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TatStatus</name>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Within target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Target missed</source>
        <translation>超时完成</translation>
    </message>
</context>
</TS>
